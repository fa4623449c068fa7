//! Data tests of the built-in gazetteer: it builds (so every row parses, ids are unique,
//! parents and alias targets exist), Syrian coordinates lie in Syria, the names that collide
//! after normalization are the ones listed in gazetteers/collisions.tsv, and names that are
//! common words carry an ambiguity level.

use dalil::{Ambiguity, Gazetteer, GazetteerBuilder, Kind};

/// Syria's bounding box, with a small margin.
const LAT: (f64, f64) = (32.2, 37.5);
const LON: (f64, f64) = (35.5, 42.5);

#[test]
fn builtin_builds_and_is_large_enough() {
    let g = GazetteerBuilder::new().with_builtin().build().unwrap();
    let places = g.entities().filter(|e| e.kind() == Kind::Place).count();
    let units = g.entities().filter(|e| e.kind() == Kind::Unit).count();
    assert!(places >= 1000, "{places} places");
    assert!(units >= 200, "{units} units");
    // Every entity has a name, and every name has a key.
    for e in g.entities() {
        assert!(!e.names_ar().is_empty(), "{}", e.id());
        for n in e.names_ar() {
            assert!(
                g.get_all(n).iter().any(|x| x.id() == e.id()),
                "{} {n}",
                e.id()
            );
        }
    }
}

#[test]
fn eval_entity_ids_exist() {
    // The ids fixed by the project's evaluation data.
    let g = Gazetteer::builtin();
    for id in [
        "abu-kamal",
        "afrin",
        "al-hamad",
        "al-hasakah",
        "al-hasakah-governorate",
        "al-hilbah",
        "al-mayadin",
        "al-omar-oil-field",
        "al-sukhnah",
        "al-tabiyah",
        "al-tanf",
        "al-tanf-crossing",
        "al-tanf-deconfliction-zone",
        "al-tanf-garrison",
        "aleppo",
        "aleppo-governorate",
        "ar-rastan",
        "aydun",
        "az-zaafaranah",
        "damascus",
        "dayr-ful",
        "deir-ez-zor",
        "deir-ez-zor-governorate",
        "euphrates",
        "ghuwayran-prison",
        "hama",
        "hama-governorate",
        "homs",
        "homs-governorate",
        "jabal-al-ghurab",
        "khasham",
        "manbij",
        "muayzilah",
        "ras-al-ayn",
        "salamiyah",
        "syrian-desert",
        "talbiseh",
        "tulul-al-humur",
        "france",
        "iran",
        "iraq",
        "jordan",
        "palestine",
        "russia",
        "syria",
        "turkey",
        "united-kingdom",
        "united-states",
        "moscow",
        "tehran",
        "washington",
        "cjtf-oir",
        "us-led-coalition",
        "isis",
        "sdf",
        "syrian-government-forces",
        "syrian-arab-army",
        "saa-17th-division",
        "syrian-air-force",
        "pro-government-militias",
        "iranian-backed-militias",
        "syrian-opposition",
        "us-forces",
        "russian-forces",
        "russian-air-force",
        "turkish-armed-forces",
    ] {
        assert!(g.entity(id).is_some(), "missing {id}");
    }
}

/// Whether `id` lies in Syria by its parent chain.
fn in_syria(g: &Gazetteer, id: &str) -> bool {
    let mut cur = Some(id.to_string());
    for _ in 0..10 {
        match cur {
            Some(ref c) if c == "syria" => return true,
            Some(ref c) => cur = g.entity(c).and_then(|e| e.parent()).map(str::to_string),
            None => return false,
        }
    }
    false
}

#[test]
fn syrian_coordinates_lie_in_syria() {
    let g = Gazetteer::builtin();
    let mut checked = 0;
    for e in g.entities() {
        if e.kind() != Kind::Place || e.id() == "syria" || !in_syria(g, e.id()) {
            continue;
        }
        if let Some((lat, lon)) = e.coords() {
            assert!(
                (LAT.0..=LAT.1).contains(&lat) && (LON.0..=LON.1).contains(&lon),
                "{} at {lat},{lon}",
                e.id()
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 900,
        "only {checked} Syrian places with coordinates"
    );
}

#[test]
fn units_have_no_coordinates_and_known_parents() {
    let g = Gazetteer::builtin();
    for e in g.entities().filter(|e| e.kind() == Kind::Unit) {
        assert!(e.coords().is_none(), "{}", e.id());
        if let Some(p) = e.parent() {
            assert_eq!(g.entity(p).unwrap().kind(), Kind::Unit, "{} → {p}", e.id());
        }
    }
}

#[test]
fn collisions_are_listed() {
    let g = Gazetteer::builtin();
    let mut got = String::new();
    for (key, ids) in g.collisions() {
        got.push_str(&format!("{key}\t{}\n", ids.join(",")));
    }
    let listed: String = include_str!("../../gazetteers/collisions.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            format!("{}\t{}\n", f[0], f[1])
        })
        .collect();
    assert!(
        got == listed,
        "gazetteers/collisions.tsv is out of date; regenerate it with \
         `cargo run --example collisions > gazetteers/collisions.tsv` after checking each \
         new collision is intended.\nexpected:\n{got}"
    );
}

#[test]
fn common_words_carry_ambiguity() {
    // Place names that are also frequent Arabic words: they must never match bare.
    let g = Gazetteer::builtin();
    for (word, meaning) in [
        ("الباب", "the door"),
        ("السلمية", "peaceful"),
        ("الطبقة", "class"),
        ("العمر", "age"),
        ("التل", "the hill"),
        ("الميادين", "the fields"),
        ("تدمر", "destroys"),
        ("حماة", "guardians"),
        ("الكرامة", "dignity"),
        ("الجلاء", "evacuation"),
    ] {
        assert!(
            !g.get_all(word).is_empty(),
            "{word} ({meaning}) is not in the gazetteer"
        );
        assert_eq!(
            g.tag(&format!("قال {word} إن")).count(),
            0,
            "{word} ({meaning}) matched without context"
        );
    }
    assert_eq!(g.entity("al-bab").unwrap().ambiguity(), Ambiguity::Strong);
}
