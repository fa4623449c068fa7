//! Normalizer tables: our own cases, and Lucene's test vectors for the `lucene()` profile.

use std::borrow::Cow;

use dalil::{DaggerAlef, Normalizer, NormalizerConfig};

/// Input → output with the default profile. Invisible and combining characters are written
/// as escapes next to a visible description.
const DEFAULT_CASES: &[(&str, &str, &str)] = &[
    // harakat, shadda, sukun, tanween
    ("harakat", "مُدَرِّسَةٌ", "مدرسه"),
    ("tanween fath", "شكرًا", "شكرا"),
    ("extra marks U+0656..U+065F", "ب\u{0656}ت\u{065F}", "بت"),
    (
        "quranic marks",
        "الرحيم\u{06DA} الله\u{0615}",
        "الرحيم الله",
    ),
    ("dagger alef removed", "ه\u{0670}ذا", "هذا"),
    ("tatweel", "حـــمـص", "حمص"),
    // hamza and alef forms
    ("alef hamza above", "أحمد", "احمد"),
    ("alef hamza below", "إدلب", "ادلب"),
    ("alef madda", "آمال", "امال"),
    ("alef wasla", "ٱلحمد", "الحمد"),
    ("rare alefs", "\u{0672}\u{0673}\u{0675}", "ااا"),
    ("alef maksura", "مستشفى", "مستشفي"),
    ("teh marbuta", "الرقة", "الرقه"),
    ("waw hamza", "مؤتمر", "موتمر"),
    ("yeh hamza", "رئيس", "رييس"),
    ("lone hamza kept", "مساء", "مساء"),
    ("decomposed hamza above alef", "ا\u{0654}حمد", "احمد"),
    ("decomposed hamza below alef", "ا\u{0655}دلب", "ادلب"),
    ("decomposed madda", "ا\u{0653}مال", "امال"),
    ("decomposed hamza on yeh", "ري\u{0654}يس", "رييس"),
    ("hamza mark on a letter it cannot sit on", "ر\u{0654}", "ر"),
    // Persian and Urdu letters
    ("persian kaf and yeh", "کوبانی", "كوباني"),
    ("swash kaf", "ڪ", "ك"),
    ("yeh barree", "ے", "ي"),
    ("heh goal and ae", "ہ ە ۀ", "ه ه ه"),
    ("teh marbuta goal", "ۃ", "ه"),
    ("persian consonants", "گ پ چ ژ ڤ", "ك ب ج ز ف"),
    // presentation forms
    ("presentation forms B", "ﺍﻟﻌﺮﺑﻴﺔ", "العربيه"),
    ("lam-alef ligature", "ﻻ", "لا"),
    ("lam-alef with hamza", "ﻷ", "لا"),
    ("allah ligature", "ﷲ", "الله"),
    ("presentation form harakah only", "ﹰ", " "),
    // digits and punctuation
    ("arabic-indic digits", "٢٠٢٤", "2024"),
    ("extended digits", "۱۲", "12"),
    ("decimal separator", "٣٫٥", "3.5"),
    ("arabic punctuation", "حلب، حمص؛ لماذا؟", "حلب, حمص; لماذا?"),
    ("quotes", "«قسد» “داعش” ‹س›", "\"قسد\" \"داعش\" \"س\""),
    // invisible marks and spaces
    ("zwnj zwj", "دير\u{200C}الزور\u{200D}", "ديرالزور"),
    ("bidi marks", "\u{200F}حمص\u{200E} \u{061C}حلب", "حمص حلب"),
    (
        "embeddings and isolates",
        "\u{202B}حمص\u{202C} \u{2067}حلب\u{2069}",
        "حمص حلب",
    ),
    ("bom and soft hyphen", "\u{FEFF}حم\u{00AD}ص", "حمص"),
    (
        "unicode spaces",
        "حمص\u{00A0}حلب\u{2009}درعا\u{202F}ادلب\u{3000}x",
        "حمص حلب درعا ادلب x",
    ),
    ("zero-width space", "حمص\u{200B}حلب", "حمص حلب"),
    ("tabs and newlines kept", "حمص\tحلب\nدرعا", "حمص\tحلب\nدرعا"),
    // nothing else is touched
    ("latin", "Reuters AFP", "Reuters AFP"),
    ("cyrillic", "Москва", "Москва"),
    ("emoji", "🇸🇾 🙂", "🇸🇾 🙂"),
    ("empty", "", ""),
];

#[test]
fn default_profile_table() {
    let n = Normalizer::default();
    for (what, input, want) in DEFAULT_CASES {
        assert_eq!(n.normalize_str(input), *want, "{what}: {input:?}");
        assert_eq!(
            n.normalize(input).as_str(),
            *want,
            "{what} (with map): {input:?}"
        );
    }
}

#[test]
fn clean_input_is_borrowed() {
    let n = Normalizer::default();
    for s in ["حلب", "", "plain ascii", "دير الزور 17"] {
        assert!(matches!(n.normalize_str(s), Cow::Borrowed(_)), "{s:?}");
        assert!(n.normalize(s).is_borrowed(), "{s:?}");
    }
    assert!(matches!(n.normalize_str("حلبة"), Cow::Owned(_)));
}

#[test]
fn options_switch_rules_off() {
    let mut c = NormalizerConfig::default();
    c.fold_teh_marbuta = false;
    c.fold_alef_maksura = false;
    c.fold_digits = false;
    c.fold_quotes = false;
    c.fold_persian_consonants = false;
    c.strip_format = false;
    let n = Normalizer::new(c);
    assert_eq!(n.normalize_str("الرقة"), "الرقة");
    assert_eq!(n.normalize_str("مستشفى"), "مستشفى");
    assert_eq!(n.normalize_str("١٧"), "١٧");
    assert_eq!(n.normalize_str("«قسد»"), "«قسد»");
    assert_eq!(n.normalize_str("گاز"), "گاز");
    assert_eq!(n.normalize_str("حمص\u{200F}"), "حمص\u{200F}");
}

#[test]
fn dagger_alef_options() {
    let mut c = NormalizerConfig::default();
    c.dagger_alef = DaggerAlef::Alef;
    assert_eq!(
        Normalizer::new(c.clone()).normalize_str("ه\u{0670}ذا"),
        "هاذا"
    );
    c.dagger_alef = DaggerAlef::Keep;
    assert_eq!(
        Normalizer::new(c).normalize_str("ه\u{0670}ذا"),
        "ه\u{0670}ذا"
    );
}

#[test]
fn hamza_marks_compose_when_alef_folding_is_off() {
    let mut c = NormalizerConfig::default();
    c.fold_alef_hamza = false;
    c.fold_yeh_hamza = false;
    let n = Normalizer::new(c);
    assert_eq!(n.normalize_str("ا\u{0654}حمد"), "أحمد");
    assert_eq!(n.normalize_str("ا\u{0655}دلب"), "إدلب");
    assert_eq!(n.normalize_str("ي\u{0654}"), "ئ");
    assert_eq!(n.normalize_str("ﻷ"), "لأ");
}

#[test]
fn lucene_profile_leaves_what_lucene_leaves() {
    let n = Normalizer::new(NormalizerConfig::lucene());
    for s in [
        "ٱلحمد",
        "ه\u{0670}ذا",
        "سؤال رئيس",
        "ا\u{0654}حمد",
        "کتاب",
        "ﻻ",
        "٢٠٢٤",
        "«قسد»",
        "دير\u{200C}الزور",
    ] {
        assert_eq!(n.normalize_str(s), s, "{s:?}");
    }
    assert_eq!(n.normalize_str("أحمد إدلب آمال"), "احمد ادلب امال");
}

/// Lucene's own test vectors (tests/data/lucene_vectors.tsv, from Apache Lucene's
/// TestArabicNormalizationFilter and TestArabicStemFilter, Apache-2.0).
pub(crate) fn lucene_vectors(op: &str) -> Vec<(String, String)> {
    let text = include_str!("../data/lucene_vectors.tsv");
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "bad vector line {line:?}");
        if f[0] == op {
            out.push((f[1].to_string(), f[2].to_string()));
        }
    }
    out
}

#[test]
fn lucene_normalization_vectors() {
    let n = Normalizer::new(NormalizerConfig::lucene());
    let v = lucene_vectors("normalize");
    assert!(v.len() >= 14);
    for (input, want) in v {
        assert_eq!(n.normalize_str(&input), want, "{input:?}");
    }
}

#[test]
fn offsets_map_back_to_original_spans() {
    let n = Normalizer::default();
    let text = "قصفَت «قسد» مواقعَ لـ«داعش» في دير\u{200C}الزّور، و٢٠ كم ﻻ";
    let norm = n.normalize(text);
    assert_eq!(
        norm.as_str(),
        "قصفت \"قسد\" مواقع ل\"داعش\" في ديرالزور, و20 كم لا"
    );
    let cases = [
        ("قسد", "قسد"),
        ("مواقع", "مواقعَ"),
        ("داعش", "داعش"),
        ("ديرالزور", "دير\u{200C}الزّور"),
        ("20", "٢٠"),
        ("لا", "ﻻ"),
        ("\"قسد\"", "«قسد»"),
    ];
    for (needle, want) in cases {
        let at = norm.as_str().find(needle).unwrap();
        let r = norm.original_range(at..at + needle.len());
        assert_eq!(&text[r], want, "{needle}");
    }
    // A span inside the expansion of a ligature covers the whole ligature.
    let at = norm.as_str().find("لا").unwrap();
    assert_eq!(&text[norm.original_range(at..at + 2)], "ﻻ");
    assert_eq!(&text[norm.original_range(at + 2..at + 4)], "ﻻ");
}
