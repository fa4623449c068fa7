//! Building a gazetteer: TSV parsing, validation, key generation, the fst and the scan index.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::io::Read;
use std::sync::Arc;

use super::matcher::{tokens, ScanIndex, WordHasher};
use super::{Ambiguity, Entity, Gazetteer, Inner, Kind};
use crate::error::{Error, ErrorKind};
use crate::normalize::Normalizer;

pub(crate) const ENTITY_HEADER: [&str; 10] = [
    "id",
    "kind",
    "type",
    "name_en",
    "names_ar",
    "lat",
    "lon",
    "parent",
    "ambiguity",
    "source",
];
pub(crate) const ALIAS_HEADER: [&str; 3] = ["id", "names_ar", "source"];
pub(crate) const STOP_HEADER: [&str; 2] = ["phrase", "note"];

/// The entity types a row may have.
pub const PLACE_TYPES: &[&str] = &[
    "country",
    "governorate",
    "district",
    "subdistrict",
    "city",
    "town",
    "village",
    "neighbourhood",
    "area",
    "region",
    "desert",
    "river",
    "lake",
    "mountain",
    "plain",
    "valley",
    "island",
    "military_base",
    "airport",
    "port",
    "oil_field",
    "gas_field",
    "dam",
    "prison",
    "camp",
    "border_crossing",
    "road",
    "bridge",
    "facility",
];

/// The unit types a row may have.
pub const UNIT_TYPES: &[&str] = &[
    "coalition",
    "task_force",
    "operation",
    "state_forces",
    "army",
    "air_force",
    "navy",
    "corps",
    "division",
    "brigade",
    "regiment",
    "battalion",
    "militia",
    "armed_group",
    "police",
    "intelligence",
    "ministry",
    "government",
];

/// Where a record came from, for error messages.
#[derive(Clone, Debug)]
struct Origin {
    source: Arc<str>,
    line: usize,
}

impl Origin {
    fn code() -> Origin {
        Origin {
            source: Arc::from("<code>"),
            line: 0,
        }
    }

    fn err(&self, kind: ErrorKind, field: Option<&'static str>, msg: impl Into<String>) -> Error {
        let e = Error::new(kind, msg);
        let e = if self.line == 0 {
            e.in_source(&self.source)
        } else {
            e.at(&self.source, self.line)
        };
        match field {
            Some(f) => e.with_field(f),
            None => e,
        }
    }
}

#[derive(Clone, Debug)]
struct PendingAlias {
    id: String,
    name: String,
    ambiguity: Option<Ambiguity>,
    origin: Origin,
}

#[derive(Clone, Debug)]
struct PendingStop {
    phrase: String,
    origin: Origin,
}

/// Builds a [`Gazetteer`] from TSV files (see `gazetteers/README.md` in the crate), from
/// entities made in code, or both, merged with the built-in data or not.
///
/// Every malformed row is an error naming the source, the line and the field.
///
/// # Example
///
/// ```
/// use dalil::{Entity, GazetteerBuilder, Kind};
///
/// let tsv = "\
/// id\tkind\ttype\tname_en\tnames_ar\tlat\tlon\tparent\tambiguity\tsource
/// kafr-x\tplace\tvillage\tKafr X\tكفر إكس|كفراكس\t~35.1\t36.5\t\tnone\tmy notes
/// ";
/// let mut b = GazetteerBuilder::new();
/// b.with_builtin();
/// b.add_tsv("mine.tsv", tsv.as_bytes())?;
/// b.add_entity(Entity::new("my-brigade", Kind::Unit, "brigade", "My Brigade").with_names(["لواء المثال"]))?;
/// b.add_alias("homs", "حمص العدية")?;
/// let g = b.build()?;
/// let ids: Vec<&str> = g.tag("من كفر إكس إلى حمص العدية، قال لواء المثال").map(|m| m.entity().id()).collect();
/// assert_eq!(ids, ["kafr-x", "homs", "my-brigade"]);
/// # Ok::<(), dalil::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct GazetteerBuilder {
    entities: Vec<(Entity, Origin)>,
    ids: HashMap<String, usize>,
    aliases: Vec<PendingAlias>,
    stops: Vec<PendingStop>,
}

impl GazetteerBuilder {
    /// An empty builder.
    ///
    /// ```
    /// let g = dalil::GazetteerBuilder::new().build()?;
    /// assert_eq!(g.len(), 0);
    /// # Ok::<(), dalil::Error>(())
    /// ```
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Adds the built-in data (Syria's places, the world's countries and capitals, and the
    /// armed actors of the Syrian war).
    ///
    /// ```
    /// let g = dalil::GazetteerBuilder::new().with_builtin().build()?;
    /// assert!(g.entity("deir-ez-zor").is_some());
    /// # Ok::<(), dalil::Error>(())
    /// ```
    pub fn with_builtin(&mut self) -> &mut Self {
        for (name, text) in super::default::FILES {
            if let Err(e) = self.add_tsv_str(name, text) {
                // The built-in files are checked by the crate's tests; reaching this is a bug.
                panic!("built-in gazetteer file is invalid: {e}");
            }
        }
        self
    }

    /// Reads a gazetteer file from disk: an entity, alias or stop-phrase file, told apart by
    /// its header. Unreadable files and invalid UTF-8 are errors naming the path.
    ///
    /// ```
    /// let err = dalil::GazetteerBuilder::new().add_file("/no/such/file.tsv").unwrap_err();
    /// assert_eq!(err.kind(), dalil::ErrorKind::Io);
    /// assert!(err.to_string().starts_with("/no/such/file.tsv:"));
    /// ```
    pub fn add_file(&mut self, path: impl AsRef<std::path::Path>) -> Result<&mut Self, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let file = std::fs::File::open(path)
            .map_err(|e| Error::new(ErrorKind::Io, e.to_string()).in_source(&name))?;
        self.add_tsv(&name, file)
    }

    /// Reads TSV data from `reader`; `source_name` labels error messages. The kind of file
    /// (entities, aliases, stop phrases) is told by its header line.
    ///
    /// ```
    /// let tsv = "phrase\tnote\nواشنطن بوست\ta newspaper\n";
    /// let g = dalil::GazetteerBuilder::new().with_builtin().add_tsv("stops.tsv", tsv.as_bytes())?.build()?;
    /// assert_eq!(g.tag("نقلت واشنطن بوست").count(), 0);
    /// # Ok::<(), dalil::Error>(())
    /// ```
    pub fn add_tsv(
        &mut self,
        source_name: &str,
        mut reader: impl Read,
    ) -> Result<&mut Self, Error> {
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| Error::new(ErrorKind::Io, e.to_string()).in_source(source_name))?;
        let text = match std::str::from_utf8(&bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.valid_up_to();
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                return Err(Error::new(
                    ErrorKind::InvalidUtf8,
                    format!("invalid UTF-8 at byte offset {at}"),
                )
                .at(source_name, line));
            }
        };
        self.add_tsv_str(source_name, text)
    }

    /// [`GazetteerBuilder::add_tsv`] for text already known to be UTF-8 (the embedded files).
    fn add_tsv_str(&mut self, source_name: &str, text: &str) -> Result<&mut Self, Error> {
        let source: Arc<str> = Arc::from(source_name);
        let mut header: Option<Vec<&str>> = None;
        for (n, raw) in text.lines().enumerate() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let origin = Origin {
                source: source.clone(),
                line: n + 1,
            };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            match &header {
                None => {
                    if fields != ENTITY_HEADER && fields != ALIAS_HEADER && fields != STOP_HEADER {
                        return Err(origin.err(
                            ErrorKind::Parse,
                            None,
                            format!(
                                "unknown header {:?}; expected the entity header ({}), the alias header ({}) or the stop-phrase header ({})",
                                line,
                                ENTITY_HEADER.join(" "),
                                ALIAS_HEADER.join(" "),
                                STOP_HEADER.join(" ")
                            ),
                        ));
                    }
                    header = Some(fields);
                }
                Some(h) => {
                    if fields.len() != h.len() {
                        return Err(origin.err(
                            ErrorKind::Parse,
                            None,
                            format!(
                                "expected {} tab-separated fields, found {}",
                                h.len(),
                                fields.len()
                            ),
                        ));
                    }
                    if h.len() == ENTITY_HEADER.len() {
                        let entity = parse_entity(&fields, &origin)?;
                        self.push_entity(entity, origin)?;
                    } else if h.len() == ALIAS_HEADER.len() {
                        let id = fields[0].trim();
                        for name in split_names(fields[1], &origin)? {
                            self.aliases.push(PendingAlias {
                                id: id.to_string(),
                                name: name.0,
                                ambiguity: name.1,
                                origin: origin.clone(),
                            });
                        }
                    } else {
                        let phrase = fields[0].trim();
                        if phrase.is_empty() {
                            return Err(origin.err(
                                ErrorKind::Parse,
                                Some("phrase"),
                                "empty phrase",
                            ));
                        }
                        self.stops.push(PendingStop {
                            phrase: phrase.to_string(),
                            origin,
                        });
                    }
                }
            }
        }
        if header.is_none() {
            return Err(Error::new(ErrorKind::Parse, "no header line").in_source(source_name));
        }
        Ok(self)
    }

    /// Adds an entity made in code. Its id must be new.
    ///
    /// ```
    /// use dalil::{Entity, GazetteerBuilder, Kind};
    /// let mut b = GazetteerBuilder::new();
    /// b.add_entity(Entity::new("x", Kind::Place, "village", "X").with_names(["إكس"]))?;
    /// assert!(b.add_entity(Entity::new("x", Kind::Place, "village", "X")).is_err());
    /// # Ok::<(), dalil::Error>(())
    /// ```
    pub fn add_entity(&mut self, entity: Entity) -> Result<&mut Self, Error> {
        let origin = Origin::code();
        validate_entity(&entity, &origin)?;
        self.push_entity(entity, origin)?;
        Ok(self)
    }

    /// Adds a name to an entity (of the built-in data or added before or after this call).
    ///
    /// ```
    /// let mut b = dalil::GazetteerBuilder::new();
    /// b.with_builtin().add_alias("aleppo", "الشهباء")?;
    /// let g = b.build()?;
    /// assert_eq!(g.tag("في الشهباء").next().unwrap().entity().id(), "aleppo");
    /// # Ok::<(), dalil::Error>(())
    /// ```
    pub fn add_alias(&mut self, id: &str, name: &str) -> Result<&mut Self, Error> {
        let origin = Origin::code();
        let (name, ambiguity) = split_names(name, &origin)?
            .into_iter()
            .next()
            .ok_or_else(|| origin.err(ErrorKind::Parse, Some("names_ar"), "empty name"))?;
        self.aliases.push(PendingAlias {
            id: id.to_string(),
            name,
            ambiguity,
            origin,
        });
        Ok(self)
    }

    /// Adds a stop phrase: text that contains a name but is not one (a newspaper, a slogan).
    ///
    /// ```
    /// let mut b = dalil::GazetteerBuilder::new();
    /// b.with_builtin().add_stop_phrase("حلب الشهباء للإنتاج");
    /// let g = b.build()?;
    /// assert_eq!(g.tag("شركة حلب الشهباء للإنتاج").count(), 0);
    /// # Ok::<(), dalil::Error>(())
    /// ```
    pub fn add_stop_phrase(&mut self, phrase: &str) -> &mut Self {
        self.stops.push(PendingStop {
            phrase: phrase.to_string(),
            origin: Origin::code(),
        });
        self
    }

    fn push_entity(&mut self, entity: Entity, origin: Origin) -> Result<(), Error> {
        if let Some(&k) = self.ids.get(&entity.id) {
            let first = &self.entities[k].1;
            return Err(origin.err(
                ErrorKind::Build,
                Some("id"),
                format!(
                    "duplicate id `{}` (first defined at {}:{})",
                    entity.id, first.source, first.line
                ),
            ));
        }
        self.ids.insert(entity.id.clone(), self.entities.len());
        self.entities.push((entity, origin));
        Ok(())
    }

    /// Validates everything and builds the gazetteer: parents and alias targets must exist,
    /// and every name must keep at least one word after normalization.
    ///
    /// ```
    /// use dalil::{Entity, GazetteerBuilder, Kind};
    /// let mut b = GazetteerBuilder::new();
    /// b.add_entity(Entity::new("x", Kind::Place, "village", "X").with_names(["إكس"]).with_parent("nowhere"))?;
    /// let err = b.build().unwrap_err();
    /// assert!(err.to_string().contains("unknown parent `nowhere`"));
    /// # Ok::<(), dalil::Error>(())
    /// ```
    pub fn build(&self) -> Result<Gazetteer, Error> {
        self.clone().build_owned()
    }

    /// [`GazetteerBuilder::build`], consuming the builder (no copy of the entities).
    pub(crate) fn build_owned(self) -> Result<Gazetteer, Error> {
        let normalizer = Normalizer::default();
        for (e, origin) in &self.entities {
            if let Some(p) = &e.parent {
                if !self.ids.contains_key(p) {
                    return Err(origin.err(
                        ErrorKind::Build,
                        Some("parent"),
                        format!("unknown parent `{p}` of `{}`", e.id),
                    ));
                }
            }
        }
        let (mut entities, origins): (Vec<Entity>, Vec<Origin>) = self.entities.into_iter().unzip();
        for a in &self.aliases {
            let Some(&k) = self.ids.get(&a.id) else {
                return Err(a.origin.err(
                    ErrorKind::Build,
                    Some("id"),
                    format!("alias `{}` names unknown entity `{}`", a.name, a.id),
                ));
            };
            let e = &mut entities[k];
            if !e.names_ar.contains(&a.name) {
                e.names_ar.push(a.name.clone());
                e.name_ambiguity.push(a.ambiguity);
            }
        }

        // Every name → its keys (the normalized words joined by one space, and the forms
        // with the spaces writers drop after non-joining letters).
        let mut keys: HashMap<String, KeyBuild, BuildHasherDefault<WordHasher>> =
            HashMap::default();
        for (k, e) in entities.iter().enumerate() {
            let origin = &origins[k];
            for (i, name) in e.names_ar.iter().enumerate() {
                let level = e.name_ambiguity[i].unwrap_or(e.ambiguity);
                let variants = key_variants(&normalizer, name);
                if variants.is_empty() {
                    return Err(origin.err(
                        ErrorKind::Build,
                        Some("names_ar"),
                        format!("name {name:?} of `{}` has no letters or digits", e.id),
                    ));
                }
                for (key, joined) in variants {
                    let kb = keys.entry(key).or_default();
                    if !kb
                        .names
                        .iter()
                        .any(|&(ek, ni, _)| ek == k as u32 && ni == i as u32)
                    {
                        kb.names.push((k as u32, i as u32, joined));
                    }
                    kb.ambiguity = Some(kb.ambiguity.map_or(level, |l: Ambiguity| l.max(level)));
                }
            }
        }
        for s in &self.stops {
            let variants = key_variants(&normalizer, &s.phrase);
            if variants.is_empty() {
                return Err(s.origin.err(
                    ErrorKind::Build,
                    Some("phrase"),
                    format!("stop phrase {:?} has no letters or digits", s.phrase),
                ));
            }
            for (key, _) in variants {
                keys.entry(key).or_default().stop = true;
            }
        }

        let mut key_recs = Vec::with_capacity(keys.len());
        // Keys in sorted order: a key's index is its rank in the fst.
        let mut keys: Vec<(String, KeyBuild)> = keys.into_iter().collect();
        keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (key, mut kb) in keys {
            // Order the entities of a shared key: the most prominent first.
            kb.names.sort_by_key(|&(ek, _, joined)| {
                (joined, type_rank(&entities[ek as usize].entity_type), ek)
            });
            key_recs.push(super::KeyRec {
                key,
                names: kb.names.iter().map(|&(e, n, _)| (e, n)).collect(),
                ambiguity: kb.ambiguity.unwrap_or(Ambiguity::None),
                stop: kb.stop,
            });
        }
        let scan = ScanIndex::new(&key_recs);
        let by_id = entities
            .iter()
            .enumerate()
            .map(|(k, e)| (e.id.clone(), k as u32))
            .collect();
        Ok(Gazetteer {
            inner: Arc::new(Inner {
                entities,
                by_id,
                keys: key_recs,
                fst: std::sync::OnceLock::new(),
                scan,
                normalizer,
            }),
        })
    }
}

#[derive(Default)]
struct KeyBuild {
    /// (entity, name index, is a dropped-space variant)
    names: Vec<(u32, u32, bool)>,
    ambiguity: Option<Ambiguity>,
    stop: bool,
}

fn type_rank(t: &str) -> usize {
    const ORDER: &[&str] = &[
        "country",
        "city",
        "governorate",
        "town",
        "region",
        "river",
        "desert",
        "mountain",
        "district",
        "subdistrict",
        "village",
    ];
    ORDER.iter().position(|&o| o == t).unwrap_or(ORDER.len())
}

/// The letters after which writers may drop the space: they do not join to the left, so
/// the two words still look apart.
fn non_joining(c: char) -> bool {
    matches!(
        c,
        'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'د' | 'ذ' | 'ر' | 'ز' | 'و' | 'ؤ' | 'ة' | 'ء'
    )
}

/// The keys of a name: its normalized words joined by single spaces, then each form where
/// a space after a non-joining letter is dropped (at most 3 such spaces combined). The bool
/// says whether the key is such a dropped-space form.
pub(crate) fn key_variants(normalizer: &Normalizer, name: &str) -> Vec<(String, bool)> {
    // Fast path: a name that is one word and needs no normalization is its own key.
    if !name.is_empty() && name.chars().all(crate::token::is_word_char) {
        let norm = normalizer.normalize_str(name);
        let whole = {
            let mut toks = tokens(&norm);
            matches!((toks.next(), toks.next()), (Some(t), None) if t.len() == norm.len())
        };
        if whole {
            return vec![(norm.into_owned(), false)];
        }
    }
    // Words of the name as written, each with whether a space may be dropped after it.
    let mut words: Vec<(String, bool)> = Vec::new();
    for r in crate::token::words(name) {
        let w = &name[r];
        let last_letter = w.chars().rev().find(|c| c.is_alphabetic()).unwrap_or(' ');
        let norm = normalizer.normalize_str(w);
        let toks: Vec<&str> = tokens(&norm).map(|r| &norm[r]).collect();
        if toks.is_empty() {
            continue;
        }
        words.push((toks.join(" "), non_joining(last_letter)));
    }
    if words.is_empty() {
        return Vec::new();
    }
    let droppable: Vec<usize> = (0..words.len() - 1).filter(|&i| words[i].1).collect();
    let mut out = Vec::new();
    let limit = droppable.len().min(3);
    for mask in 0u32..(1 << limit) {
        let mut key = String::new();
        for (i, (w, _)) in words.iter().enumerate() {
            if i > 0 {
                let j = droppable.iter().position(|&d| d == i - 1);
                let drop = matches!(j, Some(j) if j < limit && mask & (1 << j) != 0);
                if !drop {
                    key.push(' ');
                }
            }
            key.push_str(w);
        }
        out.push((key, mask != 0));
    }
    out
}

fn split_names(field: &str, origin: &Origin) -> Result<Vec<(String, Option<Ambiguity>)>, Error> {
    let mut out = Vec::new();
    for part in field.split('|') {
        let part = part.trim();
        if part.is_empty() {
            return Err(origin.err(
                ErrorKind::Parse,
                Some("names_ar"),
                format!("empty name in {field:?}"),
            ));
        }
        let (name, level) = match part.rsplit_once('@') {
            Some((n, l)) => {
                let level = Ambiguity::parse(l).ok_or_else(|| {
                    origin.err(
                        ErrorKind::Parse,
                        Some("names_ar"),
                        format!("unknown ambiguity `@{l}` on {n:?} (use @none, @weak or @strong)"),
                    )
                })?;
                (n.trim(), Some(level))
            }
            None => (part, None),
        };
        if name.is_empty() {
            return Err(origin.err(ErrorKind::Parse, Some("names_ar"), "empty name"));
        }
        out.push((name.to_string(), level));
    }
    Ok(out)
}

fn parse_coord(
    s: &str,
    field: &'static str,
    range: (f64, f64),
    origin: &Origin,
) -> Result<Option<(f64, bool)>, Error> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let (approx, num) = match s.strip_prefix('~') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let v: f64 = num.parse().map_err(|_| {
        origin.err(
            ErrorKind::Parse,
            Some(field),
            format!("{s:?} is not a decimal number"),
        )
    })?;
    if !(range.0..=range.1).contains(&v) {
        return Err(origin.err(
            ErrorKind::Parse,
            Some(field),
            format!("{v} is outside {}..{}", range.0, range.1),
        ));
    }
    Ok(Some((v, approx)))
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn validate_entity(e: &Entity, origin: &Origin) -> Result<(), Error> {
    if !is_slug(&e.id) {
        return Err(origin.err(
            ErrorKind::Parse,
            Some("id"),
            format!(
                "`{}` is not a lowercase ASCII slug like `deir-ez-zor`",
                e.id
            ),
        ));
    }
    let types = match e.kind {
        Kind::Place => PLACE_TYPES,
        Kind::Unit => UNIT_TYPES,
    };
    if !types.contains(&e.entity_type.as_str()) {
        return Err(origin.err(
            ErrorKind::Parse,
            Some("type"),
            format!(
                "unknown {} type `{}` (one of: {})",
                e.kind.as_str(),
                e.entity_type,
                types.join(", ")
            ),
        ));
    }
    if e.name_en.trim().is_empty() {
        return Err(origin.err(ErrorKind::Parse, Some("name_en"), "empty English name"));
    }
    if let Some(p) = &e.parent {
        if !is_slug(p) {
            return Err(origin.err(
                ErrorKind::Parse,
                Some("parent"),
                format!("`{p}` is not an id"),
            ));
        }
    }
    Ok(())
}

fn parse_entity(f: &[&str], origin: &Origin) -> Result<Entity, Error> {
    let kind = match f[1].trim() {
        "place" => Kind::Place,
        "unit" => Kind::Unit,
        other => {
            return Err(origin.err(
                ErrorKind::Parse,
                Some("kind"),
                format!("unknown kind `{other}` (place or unit)"),
            ))
        }
    };
    let names = split_names(f[4], origin)?;
    let lat = parse_coord(f[5], "lat", (-90.0, 90.0), origin)?;
    let lon = parse_coord(f[6], "lon", (-180.0, 180.0), origin)?;
    if lat.is_some() != lon.is_some() {
        return Err(origin.err(
            ErrorKind::Parse,
            Some(if lat.is_some() { "lon" } else { "lat" }),
            "lat and lon must both be given or both be empty",
        ));
    }
    let ambiguity = Ambiguity::parse(f[8].trim()).ok_or_else(|| {
        origin.err(
            ErrorKind::Parse,
            Some("ambiguity"),
            format!("unknown ambiguity `{}` (none, weak or strong)", f[8].trim()),
        )
    })?;
    let parent = f[7].trim();
    let e = Entity {
        id: f[0].trim().to_string(),
        kind,
        entity_type: f[2].trim().to_string(),
        name_en: f[3].trim().to_string(),
        names_ar: names.iter().map(|n| n.0.clone()).collect(),
        name_ambiguity: names.iter().map(|n| n.1).collect(),
        coords: lat.zip(lon).map(|((la, a1), (lo, a2))| (la, lo, a1 || a2)),
        parent: (!parent.is_empty()).then(|| parent.to_string()),
        ambiguity,
        source: f[9].trim().to_string(),
    };
    validate_entity(&e, origin)?;
    Ok(e)
}
