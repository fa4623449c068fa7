//! Gazetteer lookups: find every place and armed actor named in an Arabic text, with byte
//! offsets into the text as given.
//!
//! A [`Gazetteer`] holds [`Entity`] records (places and units, each with its Arabic names),
//! an `fst` dictionary from normalized names to entities (exact, prefix and fuzzy lookups),
//! and a scan index. [`Gazetteer::tag`] scans a text once and yields [`Match`]es lazily.
//!
//! The rules of the scan:
//!
//! * a match starts and ends at word edges: letters after a name make another word
//!   (حلبي, حلبة are not حلب);
//! * proclitics `و ف`, then `ب ك ل`, may precede a name, and the article `ال` of a name may
//!   be written `لل` after `ل` (للتحالف); a name without the article is not matched with one
//!   (الحمص "the chickpeas" is not حمص);
//! * quotes, guillemets, brackets, tatweel and invisible marks inside or around a name do not
//!   hide it (لـ«داعش»، تنظيم “الدولة”، قوات «سوريا الديمقراطية»). Quotes around the whole
//!   name stay outside its span («داعش» → داعش); when the name holds one mark of a pair and
//!   the other is next to it, the span takes in both (تنظيم “الدولة”، "حقل العمر" النفطي);
//! * the space after a letter that does not join leftward (ا د ذ ر ز و ة …) may be missing
//!   (ديرالزور);
//! * leftmost-longest: دير الزور wins over a shorter name, a unit whose name contains a place
//!   (مجلس دير الزور العسكري) yields the unit, and a stop phrase (واشنطن بوست) hides the
//!   name inside it;
//! * names that are also common words match only in context: a *strong* one (السلمية
//!   "peaceful", الباب "the door") after a place word (مدينة، بلدة، ريف، منطقة …) or in a
//!   list with another place; a *weak* one (حماة، تدمر، الميادين) also after a locative
//!   preposition or direction (في، من، إلى، قرب، شرقي …), unless a definite adjective
//!   ending in ية follows it (في الميادين الرياضية "in the sports fields"), or with ب
//!   glued to it; a weak name of an armed group also after a word for its members,
//!   leaders or positions, or مع / ضد (عناصر النصرة، معارك مع الدفاع الوطني);
//! * a word written with tanween on its last letter (ً ٌ ٍ) is an indefinite noun, never a
//!   place's name: درعاً "a shield" is not درعا, حماةً "guardians" is not حماة;
//! * when entities share a name at different levels of ambiguity, the match takes the most
//!   prominent one whose level its context satisfies (see [`Ambiguity`]);
//! * among entities that share a name (villages of the same name in two governorates,
//!   طرابلس of Libya and of Lebanon), the match takes the one that shares the deepest
//!   ancestor with one of the last 16 places and units matched in the 4,000 bytes before
//!   it (بلدة زيزون after درعا is Zayzun of Daraa), and otherwise the most prominent.
//!
//! # Example
//!
//! ```
//! use dalil::Gazetteer;
//!
//! let g = Gazetteer::builtin();
//! let text = "قصفت «قسد» مواقع لـ«داعش» بديرالزور، وفتح الباب أمام المفاوضات";
//! let found: Vec<(&str, &str)> = g.tag(text).map(|m| (&text[m.span()], m.entity().id())).collect();
//! assert_eq!(found, [("قسد", "sdf"), ("داعش", "isis"), ("ديرالزور", "deir-ez-zor")]);
//! ```
//!
//! # Resource usage
//!
//! Measured on the development machine (2 cores, release build, 2026-11-22) with the built-in
//! data (2,279 entities, 5,563 keys):
//!
//! * **Build**: [`Gazetteer::builtin`] is built on first use from the embedded TSV files, in
//!   about 3.1 ms to the first match (parsing about 0.9 ms, entities and keys about 1.4 ms,
//!   the scan index about 0.8 ms; the fields of built-in entities borrow the embedded text).
//!   The `load` group of the `tag` bench, which also frees the builder and the gazetteer
//!   (about 0.6 ms), measures 3.4 ms. The `fst` dictionary is built on the first exact,
//!   prefix or fuzzy lookup (about 1 ms), not before tagging.
//! * **Memory**: 1.85 MB of heap live after the build (entities, keys, token trie, an 8 KB
//!   filter of first words and the word skipper's 16 KB filter of their endings), 3.4 MB at
//!   the peak of the build (counted with a counting global allocator); the first scan adds
//!   12 KB of tables for the tokenizer.
//! * **Tagging** reads the text once. A word skipper classifies 64 bytes at a time and
//!   passes over the words that cannot start a name (most of them: their last six letters,
//!   normalized, miss a filter of the names' first words behind every chain of proclitics);
//!   the other words are tokenized and normalized as they are read, into a small buffer kept
//!   by the iterator: no normalized copy of the text and no offset map, since the tokens'
//!   spans are already in the caller's bytes. Only from the first character whose
//!   normalization depends on its neighbours (a combining hamza or madda, a presentation
//!   form) is the rest of the text normalized as a whole, with its offset map, and scanned
//!   the same way. Nothing is allocated per match. Throughput: 225–310 MiB/s on generated
//!   news text, 1.7–2.3× a bare aho-corasick scan over the same keys in text normalized
//!   beforehand (see `benches/README.md`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::hash::BuildWordHasher;
use crate::normalize::Normalizer;

mod build;
mod default;
mod fuzzy;
mod matcher;
mod scan;

pub use build::{GazetteerBuilder, PLACE_TYPES, UNIT_TYPES};
pub use matcher::Matches;

/// Whether an entity is a place or an armed actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Kind {
    /// A place: a country, a town, a river, a base …
    Place,
    /// An armed actor: an army, a division, an armed group, a coalition …
    Unit,
}

impl Kind {
    /// `"place"` or `"unit"`, as in the TSV files.
    ///
    /// ```
    /// assert_eq!(dalil::Kind::Unit.as_str(), "unit");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Place => "place",
            Kind::Unit => "unit",
        }
    }
}

/// How much a name is also a common word, which decides the context it needs to match.
///
/// When entities share a name at different levels, a match takes the first of them (by the
/// order of [`Gazetteer::get_all`]: the most prominent first) whose level the
/// context satisfies, so a homonym of a higher level hides no other.
///
/// ```
/// use dalil::{Ambiguity, Entity, GazetteerBuilder, Kind};
/// let mut b = GazetteerBuilder::new();
/// b.add_entity(Entity::new("a-town", Kind::Place, "town", "Town").with_names(["الوادي"])
///     .with_ambiguity(Ambiguity::Strong)).unwrap();
/// b.add_entity(Entity::new("a-village", Kind::Place, "village", "Village").with_names(["الوادي"]))
///     .unwrap();
/// let g = b.build().unwrap();
/// let id = |t: &str| g.tag(t).next().map(|m| m.entity().id().to_string());
/// assert_eq!(id("عبروا الوادي").as_deref(), Some("a-village"));
/// assert_eq!(id("بلدة الوادي").as_deref(), Some("a-town"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Ambiguity {
    /// Not a common word: matches anywhere.
    #[default]
    None,
    /// An occasional word (تدمر "destroys"): needs a place word, a locative preposition or
    /// direction, a glued ب, or a list with another place.
    Weak,
    /// A frequent word (الباب "the door"): needs a place word or a list with another place.
    Strong,
}

impl Ambiguity {
    /// Parses `none`, `weak` or `strong`.
    ///
    /// ```
    /// use dalil::Ambiguity;
    /// assert_eq!(Ambiguity::parse("weak"), Some(Ambiguity::Weak));
    /// assert_eq!(Ambiguity::parse("maybe"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Ambiguity> {
        match s {
            "none" => Some(Ambiguity::None),
            "weak" => Some(Ambiguity::Weak),
            "strong" => Some(Ambiguity::Strong),
            _ => None,
        }
    }

    /// `"none"`, `"weak"` or `"strong"`.
    ///
    /// ```
    /// assert_eq!(dalil::Ambiguity::Strong.as_str(), "strong");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Ambiguity::None => "none",
            Ambiguity::Weak => "weak",
            Ambiguity::Strong => "strong",
        }
    }
}

/// A place or an armed actor, with its Arabic names.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entity {
    // Text fields are borrowed from the embedded data for built-in entities, so building
    // the built-in gazetteer does not copy them.
    id: Text,
    kind: Kind,
    entity_type: String,
    name_en: Text,
    names_ar: Vec<String>,
    #[cfg_attr(feature = "serde", serde(skip))]
    name_ambiguity: Vec<Option<Ambiguity>>,
    coords: Option<(f64, f64, bool)>,
    parent: Option<Text>,
    ambiguity: Ambiguity,
    source: Text,
}

/// Text that is either borrowed from the embedded data or owned.
pub(crate) type Text = Cow<'static, str>;

impl Entity {
    /// A new entity with no names yet; `entity_type` must be one of [`PLACE_TYPES`] or
    /// [`UNIT_TYPES`] (checked when it is added to a builder).
    ///
    /// ```
    /// use dalil::{Entity, Kind};
    /// let e = Entity::new("kafr-x", Kind::Place, "village", "Kafr X")
    ///     .with_names(["كفر إكس"])
    ///     .with_coords(35.1, 36.5)
    ///     .with_parent("idlib-governorate");
    /// assert_eq!(e.names_ar(), ["كفر إكس"]);
    /// ```
    pub fn new(id: &str, kind: Kind, entity_type: &str, name_en: &str) -> Entity {
        Entity {
            id: Text::Owned(id.to_string()),
            kind,
            entity_type: entity_type.to_string(),
            name_en: Text::Owned(name_en.to_string()),
            names_ar: Vec::new(),
            name_ambiguity: Vec::new(),
            coords: None,
            parent: None,
            ambiguity: Ambiguity::None,
            source: Text::Borrowed("code"),
        }
    }

    /// Adds Arabic names (the first one added is the canonical name).
    ///
    /// ```
    /// use dalil::{Entity, Kind};
    /// let e = Entity::new("x", Kind::Unit, "brigade", "X").with_names(["لواء إكس", "إكس"]);
    /// assert_eq!(e.names_ar().len(), 2);
    /// ```
    pub fn with_names<I, S>(mut self, names: I) -> Entity
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        for n in names {
            self.names_ar.push(n.into());
            self.name_ambiguity.push(None);
        }
        self
    }

    /// Sets the coordinates (WGS84 degrees).
    ///
    /// ```
    /// use dalil::{Entity, Kind};
    /// let e = Entity::new("x", Kind::Place, "town", "X").with_coords(34.7, 36.7);
    /// assert_eq!(e.coords(), Some((34.7, 36.7)));
    /// ```
    pub fn with_coords(mut self, lat: f64, lon: f64) -> Entity {
        self.coords = Some((lat, lon, false));
        self
    }

    /// Sets the parent entity's id.
    ///
    /// ```
    /// use dalil::{Entity, Kind};
    /// let e = Entity::new("x", Kind::Place, "town", "X").with_parent("homs-governorate");
    /// assert_eq!(e.parent(), Some("homs-governorate"));
    /// ```
    pub fn with_parent(mut self, parent: &str) -> Entity {
        self.parent = Some(Text::Owned(parent.to_string()));
        self
    }

    /// Sets the ambiguity level of the entity's names.
    ///
    /// ```
    /// use dalil::{Ambiguity, Entity, Kind};
    /// let e = Entity::new("x", Kind::Place, "town", "X").with_ambiguity(Ambiguity::Strong);
    /// assert_eq!(e.ambiguity(), Ambiguity::Strong);
    /// ```
    pub fn with_ambiguity(mut self, ambiguity: Ambiguity) -> Entity {
        self.ambiguity = ambiguity;
        self
    }

    /// The stable id (`deir-ez-zor`).
    ///
    /// ```
    /// assert_eq!(dalil::Gazetteer::builtin().entity("homs").unwrap().id(), "homs");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Place or unit.
    ///
    /// ```
    /// assert_eq!(dalil::Gazetteer::builtin().entity("isis").unwrap().kind(), dalil::Kind::Unit);
    /// ```
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The type (`city`, `oil_field`, `division` …).
    ///
    /// ```
    /// assert_eq!(dalil::Gazetteer::builtin().entity("homs").unwrap().entity_type(), "city");
    /// ```
    pub fn entity_type(&self) -> &str {
        &self.entity_type
    }

    /// The English name.
    ///
    /// ```
    /// assert_eq!(dalil::Gazetteer::builtin().entity("homs").unwrap().name_en(), "Homs");
    /// ```
    pub fn name_en(&self) -> &str {
        &self.name_en
    }

    /// The Arabic names, canonical first.
    ///
    /// ```
    /// assert_eq!(dalil::Gazetteer::builtin().entity("homs").unwrap().names_ar()[0], "حمص");
    /// ```
    pub fn names_ar(&self) -> &[String] {
        &self.names_ar
    }

    /// Latitude and longitude, when known.
    ///
    /// ```
    /// let (lat, lon) = dalil::Gazetteer::builtin().entity("homs").unwrap().coords().unwrap();
    /// assert!((34.0..35.5).contains(&lat) && (36.0..37.5).contains(&lon));
    /// ```
    pub fn coords(&self) -> Option<(f64, f64)> {
        self.coords.map(|(a, b, _)| (a, b))
    }

    /// Whether the coordinates are approximate (marked `~` in the data).
    ///
    /// ```
    /// let g = dalil::Gazetteer::builtin();
    /// assert!(!g.entity("homs").unwrap().coords_approximate());
    /// ```
    pub fn coords_approximate(&self) -> bool {
        self.coords.is_some_and(|c| c.2)
    }

    /// The parent entity's id (village → subdistrict → district → governorate → country;
    /// a division → its army).
    ///
    /// ```
    /// let g = dalil::Gazetteer::builtin();
    /// assert_eq!(g.entity("saa-17th-division").unwrap().parent().is_some(), true);
    /// ```
    pub fn parent(&self) -> Option<&str> {
        self.parent.as_deref()
    }

    /// The ambiguity level of the entity's names (an alias may have its own).
    ///
    /// ```
    /// use dalil::Ambiguity;
    /// assert_eq!(dalil::Gazetteer::builtin().entity("homs").unwrap().ambiguity(), Ambiguity::None);
    /// ```
    pub fn ambiguity(&self) -> Ambiguity {
        self.ambiguity
    }

    /// Where the record comes from (`geonames:170063`, `curated` …).
    ///
    /// ```
    /// assert!(!dalil::Gazetteer::builtin().entity("homs").unwrap().source().is_empty());
    /// ```
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// A key of the dictionary: a normalized name and the names (entity, name index) it stands
/// for, most prominent entity first.
#[derive(Clone, Debug)]
pub(crate) struct KeyRec {
    pub(crate) key: String,
    pub(crate) names: Vec<(u32, u32)>,
    /// The highest level of the key's names.
    pub(crate) ambiguity: Ambiguity,
    /// Where each name's level is in [`Inner::levels`], when they are not all the same
    /// (else [`ONE_LEVEL`]): a match then takes the first name whose level its context
    /// satisfies.
    pub(crate) levels_at: u32,
    pub(crate) stop: bool,
}

/// [`KeyRec::levels_at`] of a key whose names share one level.
pub(crate) const ONE_LEVEL: u32 = u32::MAX;

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) entities: Vec<Entity>,
    pub(crate) by_id: HashMap<Text, u32, BuildWordHasher>,
    pub(crate) keys: Vec<KeyRec>,
    /// The levels of the names of the keys whose names differ in it ([`KeyRec::levels_at`]).
    pub(crate) levels: Vec<Ambiguity>,
    /// The dictionary, built on the first lookup (the scan does not need it, so tagging
    /// starts sooner).
    pub(crate) fst: OnceLock<fst::Map<Vec<u8>>>,
    pub(crate) scan: matcher::ScanIndex,
    pub(crate) normalizer: Normalizer,
}

/// A gazetteer: entities, their names, and the indexes to find them. Cheap to clone (the
/// data is shared), `Send` and `Sync`.
///
/// ```
/// let g = dalil::Gazetteer::builtin();
/// let m = g.tag("وصلت التعزيزات إلى الحسكة").next().unwrap();
/// assert_eq!((m.entity().id(), m.entity().kind().as_str()), ("al-hasakah", "place"));
/// ```
#[derive(Clone)]
pub struct Gazetteer {
    pub(crate) inner: Arc<Inner>,
}

impl std::fmt::Debug for Gazetteer {
    /// A summary (the full data would print megabytes).
    ///
    /// ```
    /// let g = dalil::GazetteerBuilder::new().build()?;
    /// assert_eq!(format!("{g:?}"), "Gazetteer { entities: 0, keys: 0 }");
    /// # Ok::<(), dalil::Error>(())
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entities", &self.len())
            .field("keys", &self.key_count())
            .finish()
    }
}

impl Default for Gazetteer {
    /// The built-in gazetteer (shared, built once).
    fn default() -> Self {
        Gazetteer::builtin().clone()
    }
}

/// A result of a dictionary lookup: the normalized key and an entity it names.
#[derive(Clone, Copy, Debug)]
pub struct Suggestion<'g> {
    key: &'g str,
    entity: &'g Entity,
    distance: u32,
}

impl<'g> Suggestion<'g> {
    /// The normalized key that was found.
    ///
    /// ```
    /// let g = dalil::Gazetteer::builtin();
    /// assert_eq!(g.complete("دير الز", 10)[0].key(), "دير الزور");
    /// ```
    pub fn key(&self) -> &'g str {
        self.key
    }

    /// The entity.
    ///
    /// ```
    /// let g = dalil::Gazetteer::builtin();
    /// assert_eq!(g.complete("دير الز", 10)[0].entity().id(), "deir-ez-zor");
    /// ```
    pub fn entity(&self) -> &'g Entity {
        self.entity
    }

    /// The edit distance (in characters) from the query; 0 for exact and prefix lookups.
    ///
    /// ```
    /// let g = dalil::Gazetteer::builtin();
    /// assert_eq!(g.fuzzy("دير الزوز", 1)[0].distance(), 1);
    /// ```
    pub fn distance(&self) -> u32 {
        self.distance
    }
}

impl Gazetteer {
    /// The built-in gazetteer: Syria's places, the world's countries and capitals, and the
    /// armed actors of the Syrian war. Built on first use and shared.
    ///
    /// ```
    /// assert!(dalil::Gazetteer::builtin().len() > 1000);
    /// ```
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let mut b = GazetteerBuilder::new();
            b.with_builtin();
            match b.build_owned() {
                Ok(g) => g,
                // The built-in data is validated by the crate's tests.
                Err(e) => panic!("built-in gazetteer is invalid: {e}"),
            }
        })
    }

    /// Scans `text` once and yields its matches lazily, left to right.
    ///
    /// ```
    /// let g = dalil::Gazetteer::builtin();
    /// let text = "اشتباكات بين قوات سوريا الديمقراطية وتنظيم الدولة شرقي دير الزور";
    /// let ids: Vec<&str> = g.tag(text).map(|m| m.entity().id()).collect();
    /// assert_eq!(ids, ["sdf", "isis", "deir-ez-zor"]);
    /// ```
    pub fn tag<'g, 't>(&'g self, text: &'t str) -> Matches<'g, 't> {
        Matches::new(self, text)
    }

    /// The number of entities.
    ///
    /// ```
    /// assert!(!dalil::Gazetteer::builtin().is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.inner.entities.len()
    }

    /// Whether there are no entities.
    ///
    /// ```
    /// assert!(dalil::GazetteerBuilder::new().build()?.is_empty());
    /// # Ok::<(), dalil::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.inner.entities.is_empty()
    }

    /// The number of keys (distinct normalized names, with their dropped-space forms).
    ///
    /// ```
    /// assert!(dalil::Gazetteer::builtin().key_count() > dalil::Gazetteer::builtin().len());
    /// ```
    pub fn key_count(&self) -> usize {
        self.inner.keys.len()
    }

    /// The entity with this id.
    ///
    /// ```
    /// assert_eq!(dalil::Gazetteer::builtin().entity("sdf").unwrap().name_en(), "Syrian Democratic Forces (SDF, QSD)");
    /// ```
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.inner
            .by_id
            .get(id)
            .map(|&k| &self.inner.entities[k as usize])
    }

    /// All entities, in the order they were added.
    ///
    /// ```
    /// let places = dalil::Gazetteer::builtin().entities().filter(|e| e.kind() == dalil::Kind::Place).count();
    /// assert!(places > 1000);
    /// ```
    pub fn entities(&self) -> impl Iterator<Item = &Entity> {
        self.inner.entities.iter()
    }

    /// Normalizes a name the way keys are made.
    ///
    /// ```
    /// assert_eq!(dalil::Gazetteer::builtin().normalize_name("دير الزّور"), "دير الزور");
    /// ```
    pub fn normalize_name(&self, name: &str) -> String {
        build::first_key(&self.inner.normalizer, name)
    }

    /// The keys that name more than one entity (after normalization), sorted, each with
    /// the ids of its entities (most prominent first). The built-in data lists its intended
    /// collisions in `gazetteers/collisions.tsv`, and a test keeps the two equal.
    ///
    /// ```
    /// let g = dalil::Gazetteer::builtin();
    /// assert!(g.collisions().iter().all(|(_, ids)| ids.len() > 1));
    /// ```
    pub fn collisions(&self) -> Vec<(&str, Vec<&str>)> {
        let mut out = Vec::new();
        for (k, rec) in self.inner.keys.iter().enumerate() {
            let ids: Vec<&str> = self.entities_of(k).map(|e| e.id()).collect();
            if ids.len() > 1 {
                out.push((rec.key.as_str(), ids));
            }
        }
        out
    }

    /// The fst from keys to key indexes (keys are kept sorted, so a key's index is its rank).
    fn dict(&self) -> &fst::Map<Vec<u8>> {
        self.inner.fst.get_or_init(|| {
            let keys = self.inner.keys.iter().enumerate();
            fst::Map::from_iter(keys.map(|(i, k)| (k.key.as_str(), i as u64))).unwrap_or_default()
        })
    }

    fn key_index(&self, key: &str) -> Option<usize> {
        self.dict().get(key).map(|v| v as usize)
    }

    /// Exact lookup of a name, whatever its spelling (hamza, diacritics, ة/ه, Persian
    /// letters, tatweel): the most prominent entity with that name.
    ///
    /// ```
    /// let g = dalil::Gazetteer::builtin();
    /// assert_eq!(g.get("دير الزّور").unwrap().id(), "deir-ez-zor");
    /// assert_eq!(g.get("دیر الزور").unwrap().id(), "deir-ez-zor"); // Persian yeh
    /// assert!(g.get("الحمص").is_none());
    /// ```
    pub fn get(&self, name: &str) -> Option<&Entity> {
        self.get_all(name).into_iter().next()
    }

    /// Exact lookup of a name: every entity with that name, most prominent first.
    ///
    /// ```
    /// let g = dalil::Gazetteer::builtin();
    /// assert!(!g.get_all("حمص").is_empty());
    /// ```
    pub fn get_all(&self, name: &str) -> Vec<&Entity> {
        let key = self.normalize_name(name);
        match self.key_index(&key) {
            Some(k) => self.entities_of(k).collect(),
            None => Vec::new(),
        }
    }

    fn entities_of(&self, k: usize) -> impl Iterator<Item = &Entity> {
        let mut seen: Vec<u32> = Vec::new();
        self.inner.keys[k].names.iter().filter_map(move |&(e, _)| {
            if seen.contains(&e) {
                None
            } else {
                seen.push(e);
                Some(&self.inner.entities[e as usize])
            }
        })
    }

    fn suggestions(&self, hits: Vec<(usize, u32)>, limit: usize) -> Vec<Suggestion<'_>> {
        let mut out = Vec::new();
        for (k, distance) in hits {
            let key = &self.inner.keys[k];
            if key.stop {
                continue;
            }
            for entity in self.entities_of(k) {
                out.push(Suggestion {
                    key: &key.key,
                    entity,
                    distance,
                });
            }
        }
        out.sort_by_key(|s| (s.distance, s.key.len()));
        out.truncate(limit);
        out
    }

    /// Names that start with `prefix` (after normalization), shortest first, at most
    /// `limit` of them.
    ///
    /// ```
    /// let g = dalil::Gazetteer::builtin();
    /// let ids: Vec<&str> = g.complete("منب", 5).iter().map(|s| s.entity().id()).collect();
    /// assert!(ids.contains(&"manbij"));
    /// ```
    pub fn complete(&self, prefix: &str, limit: usize) -> Vec<Suggestion<'_>> {
        use fst::{Automaton, IntoStreamer, Streamer};
        let p = self.normalize_name(prefix);
        let mut stream = self
            .dict()
            .search(fst::automaton::Str::new(&p).starts_with())
            .into_stream();
        let mut hits = Vec::new();
        while let Some((_, v)) = stream.next() {
            hits.push((v as usize, 0));
        }
        self.suggestions(hits, limit)
    }

    /// Names within `max_edits` (0–3) character edits of `name` after normalization,
    /// nearest first. Edits count Arabic letters, not bytes (fst's own Levenshtein
    /// automaton counts wrongly on Arabic).
    ///
    /// ```
    /// let g = dalil::Gazetteer::builtin();
    /// assert_eq!(g.fuzzy("دير الزوز", 1)[0].entity().id(), "deir-ez-zor");
    /// assert_eq!(g.fuzzy("دير الزو", 1)[0].key(), "دير الزور");
    /// ```
    pub fn fuzzy(&self, name: &str, max_edits: u32) -> Vec<Suggestion<'_>> {
        use fst::{IntoStreamer, Streamer};
        let q = self.normalize_name(name);
        let aut = fuzzy::Levenshtein::new(&q, max_edits.min(3));
        let mut stream = self.dict().search(&aut).into_stream();
        let mut hits = Vec::new();
        while let Some((k, v)) = stream.next() {
            let key = String::from_utf8_lossy(k);
            hits.push((v as usize, fuzzy::distance(&q, &key)));
        }
        self.suggestions(hits, usize::MAX)
    }
}

/// A name found in a text.
///
/// Offsets are byte offsets into the text given to [`Gazetteer::tag`], on char boundaries.
/// [`Match::span`] is the name itself; proclitics glued to it (و ب ل …) are before it, from
/// [`Match::proclitic_start`]. When the name holds one mark of a pair of quotes or brackets
/// and the other is next to it, the span takes in both (see the
/// [module docs](crate::gazetteer)).
#[derive(Clone, Copy, Debug)]
pub struct Match<'g> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) proclitic_start: usize,
    pub(crate) gazetteer: &'g Gazetteer,
    pub(crate) key: u32,
    pub(crate) entity: u32,
    pub(crate) name: u32,
}

impl<'g> Match<'g> {
    /// Start of the name (byte offset).
    ///
    /// ```
    /// let m = dalil::Gazetteer::builtin().tag("وبحمص").next().unwrap();
    /// assert_eq!((m.start(), m.end()), (4, 10));
    /// ```
    pub fn start(&self) -> usize {
        self.start
    }

    /// End of the name (byte offset, exclusive).
    ///
    /// ```
    /// let m = dalil::Gazetteer::builtin().tag("حمص").next().unwrap();
    /// assert_eq!(m.end(), 6);
    /// ```
    pub fn end(&self) -> usize {
        self.end
    }

    /// The byte range of the name. Quotes around the whole name stay outside it; a quote
    /// inside the name has its pair in the span too, when the pair is next to the name. A
    /// proclitic that shares one character with the name (the ligature ﻹ of لإدلب) is in
    /// the span, which cannot start inside a character.
    ///
    /// ```
    /// let text = "في «دير الزور»";
    /// let m = dalil::Gazetteer::builtin().tag(text).next().unwrap();
    /// assert_eq!(&text[m.span()], "دير الزور");
    ///
    /// let text = "عناصر تنظيم “الدولة” في البادية";
    /// let m = dalil::Gazetteer::builtin().tag(text).next().unwrap();
    /// assert_eq!(&text[m.span()], "تنظيم “الدولة”");
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Start of the word the name is in, before its proclitics (equal to [`Match::start`]
    /// when there are none).
    ///
    /// ```
    /// let text = "وبالحسكة";
    /// let m = dalil::Gazetteer::builtin().tag(text).next().unwrap();
    /// assert_eq!(&text[m.proclitic_start()..m.start()], "وب");
    /// ```
    pub fn proclitic_start(&self) -> usize {
        self.proclitic_start
    }

    /// The entity (the most prominent one when several share the name; see
    /// [`Match::candidates`]).
    ///
    /// ```
    /// let m = dalil::Gazetteer::builtin().tag("قسد").next().unwrap();
    /// assert_eq!(m.entity().id(), "sdf");
    /// ```
    pub fn entity(&self) -> &'g Entity {
        &self.gazetteer.inner.entities[self.entity as usize]
    }

    /// The name of the entity that matched, as written in the gazetteer.
    ///
    /// ```
    /// let m = dalil::Gazetteer::builtin().tag("في دير الزّور").next().unwrap();
    /// assert_eq!(m.alias(), "دير الزور");
    /// ```
    pub fn alias(&self) -> &'g str {
        &self.entity().names_ar[self.name as usize]
    }

    /// The normalized key that matched.
    ///
    /// ```
    /// let m = dalil::Gazetteer::builtin().tag("ديرالزور").next().unwrap();
    /// assert_eq!(m.key(), "ديرالزور");
    /// ```
    pub fn key(&self) -> &'g str {
        &self.gazetteer.inner.keys[self.key as usize].key
    }

    /// Every entity with this name, most prominent first (the first is [`Match::entity`]).
    ///
    /// ```
    /// let m = dalil::Gazetteer::builtin().tag("حمص").next().unwrap();
    /// assert_eq!(m.candidates().next().unwrap().id(), "homs");
    /// ```
    pub fn candidates(&self) -> impl Iterator<Item = &'g Entity> {
        self.gazetteer.entities_of(self.key as usize)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Match<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let e = self.entity();
        let mut st = s.serialize_struct("Match", 11)?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.serialize_field("proclitic_start", &self.proclitic_start)?;
        st.serialize_field("id", e.id())?;
        st.serialize_field("kind", &e.kind())?;
        st.serialize_field("type", e.entity_type())?;
        st.serialize_field("name_en", e.name_en())?;
        st.serialize_field("alias", self.alias())?;
        st.serialize_field("lat", &e.coords().map(|c| c.0))?;
        st.serialize_field("lon", &e.coords().map(|c| c.1))?;
        st.serialize_field("parent", &e.parent())?;
        st.end()
    }
}
