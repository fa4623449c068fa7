//! The built-in data, embedded in the binary. See `gazetteers/README.md`.

/// The built-in files, in load order (entities before the aliases that refer to them).
pub(crate) const FILES: &[(&str, &str)] = &[
    (
        "gazetteers/countries.tsv",
        include_str!("../../gazetteers/countries.tsv"),
    ),
    (
        "gazetteers/places_world.tsv",
        include_str!("../../gazetteers/places_world.tsv"),
    ),
    (
        "gazetteers/places_geonames.tsv",
        include_str!("../../gazetteers/places_geonames.tsv"),
    ),
    (
        "gazetteers/places_subdistricts.tsv",
        include_str!("../../gazetteers/places_subdistricts.tsv"),
    ),
    (
        "gazetteers/places_frontline.tsv",
        include_str!("../../gazetteers/places_frontline.tsv"),
    ),
    (
        "gazetteers/places_features.tsv",
        include_str!("../../gazetteers/places_features.tsv"),
    ),
    (
        "gazetteers/aliases_frontline.tsv",
        include_str!("../../gazetteers/aliases_frontline.tsv"),
    ),
    (
        "gazetteers/units.tsv",
        include_str!("../../gazetteers/units.tsv"),
    ),
    (
        "gazetteers/stop_phrases.tsv",
        include_str!("../../gazetteers/stop_phrases.tsv"),
    ),
];
