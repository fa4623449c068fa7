//! Building a gazetteer: TSV parsing, validation, key generation, the fst and the scan index.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::Hasher;
use std::io::Read;
use std::ops::Range;
use std::sync::Arc;

use super::matcher::{tokens, ScanIndex};
use super::{Ambiguity, Entity, Gazetteer, Inner, Kind, Text};
use crate::error::{Error, ErrorKind};
use crate::hash::{BuildWordHasher, WordHasher};
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
/// The most fields a header has.
const MAX_FIELDS: usize = ENTITY_HEADER.len();

/// Splits `line` at tabs into `fields` (the first [`MAX_FIELDS`] of them) and returns the
/// number of fields, which may be more than `fields` holds.
fn split_tabs<'t>(line: &'t str, fields: &mut [&'t str; MAX_FIELDS]) -> usize {
    let mut count = 0;
    let mut start = 0;
    for (i, &b) in line.as_bytes().iter().enumerate() {
        if b == b'\t' {
            if let Some(f) = fields.get_mut(count) {
                *f = &line[start..i];
            }
            count += 1;
            start = i + 1;
        }
    }
    if let Some(f) = fields.get_mut(count) {
        *f = &line[start..];
    }
    count + 1
}

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
    /// The entities as added, without their names (kept in `names` until the build, so
    /// the names of built-in entities are borrowed and copied only once).
    entities: Vec<Entity>,
    /// Where each entity comes from.
    origins: Vec<Origin>,
    /// The range of each entity's names in `names`.
    name_ranges: Vec<Range<usize>>,
    /// The names of all entities, each with its own ambiguity level, if any.
    names: Vec<(Text, Option<Ambiguity>)>,
    ids: HashMap<Text, u32, BuildWordHasher>,
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
            if let Err(e) = self.add_tsv_static(name, text) {
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

    /// [`GazetteerBuilder::add_tsv`] for text already known to be UTF-8; the records copy
    /// the fields they keep.
    fn add_tsv_str(&mut self, source_name: &str, text: &str) -> Result<&mut Self, Error> {
        self.add_rows(source_name, text, |s| Text::Owned(s.to_owned()))
    }

    /// [`GazetteerBuilder::add_tsv`] for the embedded files: the records borrow their
    /// fields from the text.
    fn add_tsv_static(
        &mut self,
        source_name: &str,
        text: &'static str,
    ) -> Result<&mut Self, Error> {
        self.add_rows(source_name, text, Text::Borrowed)
    }

    /// Parses the lines of a TSV file; `keep` turns a field into the text a record keeps.
    fn add_rows<'t>(
        &mut self,
        source_name: &str,
        text: &'t str,
        keep: impl Fn(&'t str) -> Text,
    ) -> Result<&mut Self, Error> {
        let source: Arc<str> = Arc::from(source_name);
        // The number of fields of the header, once read.
        let mut header: Option<usize> = None;
        let mut fields = [""; MAX_FIELDS];
        for (n, raw) in text.lines().enumerate() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let origin = Origin {
                source: source.clone(),
                line: n + 1,
            };
            let count = split_tabs(line, &mut fields);
            match header {
                None => {
                    let f = &fields[..count.min(MAX_FIELDS)];
                    if count > MAX_FIELDS
                        || (f != ENTITY_HEADER && f != ALIAS_HEADER && f != STOP_HEADER)
                    {
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
                    header = Some(count);
                }
                Some(h) => {
                    if count != h {
                        return Err(origin.err(
                            ErrorKind::Parse,
                            None,
                            format!("expected {h} tab-separated fields, found {count}"),
                        ));
                    }
                    if h == ENTITY_HEADER.len() {
                        let names_from = self.names.len();
                        let entity = parse_entity(&fields, &origin, &keep, &mut self.names)
                            .inspect_err(|_| self.names.truncate(names_from))?;
                        self.push_entity(entity, origin, names_from)?;
                    } else if h == ALIAS_HEADER.len() {
                        let id = fields[0].trim();
                        let mut names = Vec::new();
                        split_names(fields[1], &origin, |name, level| {
                            names.push((name.to_string(), level))
                        })?;
                        for (name, ambiguity) in names {
                            self.aliases.push(PendingAlias {
                                id: id.to_string(),
                                name,
                                ambiguity,
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
    pub fn add_entity(&mut self, mut entity: Entity) -> Result<&mut Self, Error> {
        let origin = Origin::code();
        validate_entity(&entity, &origin)?;
        let names_from = self.names.len();
        let names = std::mem::take(&mut entity.names_ar);
        let levels = std::mem::take(&mut entity.name_ambiguity);
        self.names
            .extend(names.into_iter().map(Text::Owned).zip(levels));
        self.push_entity(entity, origin, names_from)?;
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
        let mut first = None;
        split_names(name, &origin, |n, level| {
            if first.is_none() {
                first = Some((n.to_string(), level));
            }
        })?;
        let (name, ambiguity) =
            first.ok_or_else(|| origin.err(ErrorKind::Parse, Some("names_ar"), "empty name"))?;
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

    /// Adds a parsed entity whose names are `self.names[names_from..]`, unless its id is
    /// taken (then the names are removed too).
    fn push_entity(
        &mut self,
        entity: Entity,
        origin: Origin,
        names_from: usize,
    ) -> Result<(), Error> {
        match self.ids.entry(entity.id.clone()) {
            Entry::Vacant(slot) => {
                slot.insert(self.entities.len() as u32);
            }
            Entry::Occupied(slot) => {
                self.names.truncate(names_from);
                let first = &self.origins[*slot.get() as usize];
                return Err(origin.err(
                    ErrorKind::Build,
                    Some("id"),
                    format!(
                        "duplicate id `{}` (first defined at {}:{})",
                        entity.id, first.source, first.line
                    ),
                ));
            }
        }
        self.entities.push(entity);
        self.origins.push(origin);
        self.name_ranges.push(names_from..self.names.len());
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
        self.check_parents()?;
        let entities = self.with_names(self.entities.iter().cloned());
        self.finish(entities, self.ids.clone())
    }

    /// [`GazetteerBuilder::build`], consuming the builder (no copy of the entities).
    pub(crate) fn build_owned(mut self) -> Result<Gazetteer, Error> {
        self.check_parents()?;
        // Drained, not moved out: collecting from `into_iter` would reuse the builder's
        // buffer, spare capacity included, for the gazetteer's entities.
        let mut taken = std::mem::take(&mut self.entities);
        let entities = self.with_names(taken.drain(..));
        drop(taken);
        self.names = Vec::new();
        let ids = std::mem::take(&mut self.ids);
        self.finish(entities, ids)
    }

    /// Checks that every parent exists.
    fn check_parents(&self) -> Result<(), Error> {
        for (e, origin) in self.entities.iter().zip(&self.origins) {
            if let Some(p) = &e.parent {
                if !self.ids.contains_key(p.as_ref()) {
                    return Err(origin.err(
                        ErrorKind::Build,
                        Some("parent"),
                        format!("unknown parent `{p}` of `{}`", e.id),
                    ));
                }
            }
        }
        Ok(())
    }

    /// The builder's entities (in its order) with their names.
    fn with_names(&self, entities: impl Iterator<Item = Entity>) -> Vec<Entity> {
        entities
            .zip(&self.name_ranges)
            .map(|(mut e, r)| {
                let names = &self.names[r.clone()];
                e.names_ar = names.iter().map(|(n, _)| n.to_string()).collect();
                e.name_ambiguity = names.iter().map(|&(_, level)| level).collect();
                e
            })
            .collect()
    }

    /// The build proper, given the entities with their names and the map from their ids.
    fn finish(
        &self,
        mut entities: Vec<Entity>,
        by_id: HashMap<Text, u32, BuildWordHasher>,
    ) -> Result<Gazetteer, Error> {
        let normalizer = Normalizer::default();
        let origins = &self.origins;
        for a in &self.aliases {
            let Some(&k) = by_id.get(a.id.as_str()) else {
                return Err(a.origin.err(
                    ErrorKind::Build,
                    Some("id"),
                    format!("alias `{}` names unknown entity `{}`", a.name, a.id),
                ));
            };
            let e = &mut entities[k as usize];
            if !e.names_ar.contains(&a.name) {
                e.names_ar.push(a.name.clone());
                e.name_ambiguity.push(a.ambiguity);
            }
        }

        // Every name → its keys (the normalized words joined by one space, and the forms
        // with the spaces writers drop after non-joining letters). A key gets a slot the
        // first time it is seen; the names of all keys are collected in one list.
        let name_count: usize = entities.iter().map(|e| e.names_ar.len()).sum();
        let mut keys = KeyTable::with_capacity(2 * name_count);
        let mut names: Vec<KeyName> = Vec::with_capacity(2 * name_count);
        let mut scratch = KeyScratch::default();
        for (k, e) in entities.iter().enumerate() {
            for (i, name) in e.names_ar.iter().enumerate() {
                let level = e.name_ambiguity[i].unwrap_or(e.ambiguity);
                let first = names.len();
                let any = for_each_key(&normalizer, name, &mut scratch, |key, joined| {
                    let slot = keys.slot(key);
                    if !names[first..].iter().any(|n| n.key == slot) {
                        names.push(KeyName {
                            key: slot,
                            entity: k as u32,
                            name: i as u32,
                            joined,
                        });
                    }
                    let info = &mut keys.info[slot as usize];
                    info.ambiguity = Some(info.ambiguity.map_or(level, |l| l.max(level)));
                });
                if !any {
                    return Err(origins[k].err(
                        ErrorKind::Build,
                        Some("names_ar"),
                        format!("name {name:?} of `{}` has no letters or digits", e.id),
                    ));
                }
            }
        }
        for s in &self.stops {
            let any = for_each_key(&normalizer, &s.phrase, &mut scratch, |key, _| {
                let slot = keys.slot(key);
                keys.info[slot as usize].stop = true;
            });
            if !any {
                return Err(s.origin.err(
                    ErrorKind::Build,
                    Some("phrase"),
                    format!("stop phrase {:?} has no letters or digits", s.phrase),
                ));
            }
        }

        // Keys in sorted order: a key's index is its rank in the fst. The first 16 bytes of
        // a key, big-endian, decide most comparisons without reading the strings.
        let mut order: Vec<(u128, u32)> = (keys.keys.iter().enumerate())
            .map(|(slot, (key, _))| (prefix(key), slot as u32))
            .collect();
        order.sort_unstable_by(|a, b| {
            let key = |slot: u32| &keys.keys[slot as usize].0;
            a.0.cmp(&b.0).then_with(|| key(a.1).cmp(key(b.1)))
        });
        // The names of each key, grouped by a counting sort on the key's slot.
        let mut starts = vec![0usize; keys.keys.len() + 1];
        for n in &names {
            starts[n.key as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut grouped = names.clone();
        let mut fill = starts.clone();
        for n in &names {
            let at = &mut fill[n.key as usize];
            grouped[*at] = *n;
            *at += 1;
        }
        let mut key_recs = Vec::with_capacity(order.len());
        let mut levels = Vec::new();
        for &(_, slot) in &order {
            let slot = slot as usize;
            let these = &mut grouped[starts[slot]..starts[slot + 1]];
            // Order the entities of a shared key: the most prominent first (ties in the
            // order the names were added).
            if these.len() > 1 {
                these.sort_unstable_by_key(|n| {
                    let e = &entities[n.entity as usize];
                    (n.joined, type_rank(&e.entity_type), n.entity, n.name)
                });
            }
            let info = &keys.info[slot];
            // Each name's level, kept only when the key's entities differ in it. An entity
            // with several names of this key at different levels (an alias flagged `@weak`
            // and the dropped-space form of another name, say) takes the highest of them.
            let own = |n: &KeyName| {
                let e = &entities[n.entity as usize];
                e.name_ambiguity[n.name as usize].unwrap_or(e.ambiguity)
            };
            let level = |n: &KeyName| {
                these
                    .iter()
                    .filter(|m| m.entity == n.entity)
                    .map(own)
                    .max()
                    .unwrap_or(Ambiguity::None)
            };
            let levels_at = match these.first() {
                Some(first) if these.iter().any(|n| level(n) != level(first)) => {
                    let at = levels.len() as u32;
                    levels.extend(these.iter().map(level));
                    at
                }
                _ => super::ONE_LEVEL,
            };
            key_recs.push(super::KeyRec {
                key: std::mem::take(&mut keys.keys[slot].0),
                names: these.iter().map(|n| (n.entity, n.name)).collect(),
                ambiguity: info.ambiguity.unwrap_or(Ambiguity::None),
                levels_at,
                stop: info.stop,
            });
        }
        // Free the build's tables before the scan index is made (a lower peak).
        drop((keys, names, grouped, order, starts, fill));
        let scan = ScanIndex::new(&key_recs);
        Ok(Gazetteer {
            inner: Arc::new(Inner {
                entities,
                by_id,
                keys: key_recs,
                levels,
                fst: std::sync::OnceLock::new(),
                scan,
                normalizer,
            }),
        })
    }
}

/// The keys met so far while building, each in a slot numbered in the order met, with
/// what is known of it.
struct KeyTable {
    /// The first slot of each key hash.
    by_hash: HashMap<u64, u32, BuildWordHasher>,
    /// The key of each slot, and the next slot whose key has the same hash ([`NO_SLOT`]:
    /// none).
    keys: Vec<(String, u32)>,
    info: Vec<KeyInfo>,
}

const NO_SLOT: u32 = u32::MAX;

#[derive(Default)]
struct KeyInfo {
    ambiguity: Option<Ambiguity>,
    stop: bool,
}

impl KeyTable {
    fn with_capacity(n: usize) -> KeyTable {
        KeyTable {
            by_hash: HashMap::with_capacity_and_hasher(n, BuildWordHasher::default()),
            keys: Vec::with_capacity(n),
            info: Vec::with_capacity(n),
        }
    }

    /// The slot of `key`, new if the key is new (the key is hashed once either way).
    fn slot(&mut self, key: &str) -> u32 {
        let mut h = WordHasher::default();
        h.write(key.as_bytes());
        let new = self.keys.len() as u32;
        match self.by_hash.entry(h.finish()) {
            Entry::Occupied(e) => {
                let mut slot = *e.get();
                loop {
                    let (k, next) = &self.keys[slot as usize];
                    if k == key {
                        return slot;
                    }
                    if *next == NO_SLOT {
                        break;
                    }
                    slot = *next;
                }
                self.keys[slot as usize].1 = new;
            }
            Entry::Vacant(e) => {
                e.insert(new);
            }
        }
        self.keys.push((key.to_owned(), NO_SLOT));
        self.info.push(KeyInfo::default());
        new
    }
}

/// A name that a key stands for.
#[derive(Clone, Copy)]
struct KeyName {
    /// The key's slot.
    key: u32,
    entity: u32,
    name: u32,
    /// Whether the key is a dropped-space form of the name.
    joined: bool,
}

/// The first 16 bytes of `s`, big-endian, zero-padded: comparing them never contradicts
/// comparing the strings.
fn prefix(s: &str) -> u128 {
    let mut b = [0u8; 16];
    let n = s.len().min(16);
    b[..n].copy_from_slice(&s.as_bytes()[..n]);
    u128::from_be_bytes(b)
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

/// Whether `c` is alphabetic, with the Arabic letters tested first (`char::is_alphabetic`
/// takes a slow table lookup for them).
fn is_alphabetic(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') || c.is_alphabetic()
}

/// Buffers reused from one name to the next by [`for_each_key`].
#[derive(Default)]
pub(crate) struct KeyScratch {
    /// The normalized words of the name, one after the other.
    words: String,
    /// Where each word ends in `words`, and whether a space may be dropped after it.
    ends: Vec<(usize, bool)>,
    /// The key being made.
    key: String,
}

/// Calls `f` with each key of a name: its normalized words joined by single spaces, then
/// each form where a space after a non-joining letter is dropped (at most 3 such spaces
/// combined), with whether the key is such a dropped-space form. Returns whether the name
/// had any key (a name without letters or digits has none).
pub(crate) fn for_each_key(
    normalizer: &Normalizer,
    name: &str,
    scratch: &mut KeyScratch,
    mut f: impl FnMut(&str, bool),
) -> bool {
    // Fast path: a name that is one word and stays one token is its own key. Otherwise a
    // name of one word keeps its normalized form for the loop below.
    let mut one_word = None;
    if !name.is_empty() && name.chars().all(crate::token::is_word_char) {
        let norm = normalizer.normalize_str(name);
        let whole = {
            let mut toks = tokens(&norm);
            matches!((toks.next(), toks.next()), (Some(t), None) if t.len() == norm.len())
        };
        if whole {
            f(&norm, false);
            return true;
        }
        one_word = Some(norm);
    }
    // Words of the name as written, normalized, each with whether a space may be dropped
    // after it.
    let KeyScratch { words, ends, key } = scratch;
    words.clear();
    ends.clear();
    for r in crate::token::words(name) {
        let w = &name[r];
        let last_letter = w.chars().rev().find(|&c| is_alphabetic(c)).unwrap_or(' ');
        let norm = match one_word.take() {
            Some(norm) => norm,
            None => normalizer.normalize_str(w),
        };
        let start = words.len();
        for t in tokens(&norm) {
            if words.len() > start {
                words.push(' ');
            }
            words.push_str(&norm[t]);
        }
        if words.len() > start {
            ends.push((words.len(), non_joining(last_letter)));
        }
    }
    let Some(last) = ends.len().checked_sub(1) else {
        return false;
    };
    if last == 0 {
        f(words, false);
        return true;
    }
    // The first three words after which the space may be dropped.
    let mut droppable = [0usize; 3];
    let mut limit = 0;
    for (i, &(_, non_joining)) in ends[..last].iter().enumerate() {
        if non_joining && limit < droppable.len() {
            droppable[limit] = i;
            limit += 1;
        }
    }
    for mask in 0u32..(1 << limit) {
        key.clear();
        let mut start = 0;
        for (i, &(end, _)) in ends.iter().enumerate() {
            if i > 0 {
                let drop = droppable[..limit]
                    .iter()
                    .position(|&d| d == i - 1)
                    .is_some_and(|j| mask & (1 << j) != 0);
                if !drop {
                    key.push(' ');
                }
            }
            key.push_str(&words[start..end]);
            start = end;
        }
        f(key, mask != 0);
    }
    true
}

/// The first key of a name (its normalized words joined by single spaces), or an empty
/// string if it has none.
pub(crate) fn first_key(normalizer: &Normalizer, name: &str) -> String {
    let mut out = None;
    for_each_key(normalizer, name, &mut KeyScratch::default(), |key, _| {
        if out.is_none() {
            out = Some(key.to_owned());
        }
    });
    out.unwrap_or_default()
}

/// Splits a `names_ar` field at `|` and calls `f` with every name and its `@level`, if any.
/// Every part is checked before the first error is returned.
fn split_names<'t>(
    field: &'t str,
    origin: &Origin,
    mut f: impl FnMut(&'t str, Option<Ambiguity>),
) -> Result<(), Error> {
    for part in split_ascii(field, b'|') {
        let part = part.trim();
        if part.is_empty() {
            return Err(origin.err(
                ErrorKind::Parse,
                Some("names_ar"),
                format!("empty name in {field:?}"),
            ));
        }
        let at = part.bytes().rposition(|b| b == b'@');
        let (name, level) = match at.map(|i| (&part[..i], &part[i + 1..])) {
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
        f(name, level);
    }
    Ok(())
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

/// Whether `id` is non-empty parts of lowercase ASCII letters and digits joined by `-`.
fn is_slug(id: &str) -> bool {
    // As if a `-` came first: a leading `-` makes an empty part.
    let mut prev = b'-';
    for &b in id.as_bytes() {
        if b == b'-' {
            if prev == b'-' {
                return false;
            }
        } else if !(b.is_ascii_lowercase() || b.is_ascii_digit()) {
            return false;
        }
        prev = b;
    }
    prev != b'-'
}

/// `s.split(sep)` for an ASCII separator, by bytes (quicker on short fields).
fn split_ascii(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == sep) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
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

/// Parses an entity row; its names are pushed onto `names`.
fn parse_entity<'t>(
    f: &[&'t str; MAX_FIELDS],
    origin: &Origin,
    keep: impl Fn(&'t str) -> Text,
    names: &mut Vec<(Text, Option<Ambiguity>)>,
) -> Result<Entity, Error> {
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
    split_names(f[4], origin, |name, level| names.push((keep(name), level)))?;
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
        id: keep(f[0].trim()),
        kind,
        entity_type: f[2].trim().to_string(),
        name_en: keep(f[3].trim()),
        names_ar: Vec::new(),
        name_ambiguity: Vec::new(),
        coords: lat.zip(lon).map(|((la, a1), (lo, a2))| (la, lo, a1 || a2)),
        parent: (!parent.is_empty()).then(|| keep(parent)),
        ambiguity,
        source: keep(f[9].trim()),
    };
    validate_entity(&e, origin)?;
    Ok(e)
}
