//! Stemmer tables: Lucene's vectors for Light10, Snowball cases, protected words and clitic
//! segmentation.

use dalil::stem::{light10, snowball, Algorithm, CliticKind, Stemmer};
use dalil::{Normalizer, NormalizerConfig};

#[test]
fn lucene_stem_vectors() {
    let v = crate::normalize::lucene_vectors("stem");
    assert!(v.len() >= 21);
    for (input, want) in v {
        assert_eq!(light10(&input), want, "{input:?}");
    }
}

#[test]
fn light10_after_lucene_normalizer() {
    // Cases observed with the real Lucene jars (normalization, then the stemmer).
    let n = Normalizer::new(NormalizerConfig::lucene());
    for (input, want) in [
        ("وللاخر", "للاخر"),
        ("وبالحسن", "بالحسن"),
        ("والد", "الد"),
        ("قوات", "قو"),
        ("حماة", "حما"),
        ("عفرين", "عفر"),
        ("كوباني", "كوبان"),
        ("الميادين", "مياد"),
        ("مستشفى", "مستشف"),
        ("أمريكيين", "امريك"),
        ("كبيرة", "كبير"),
    ] {
        assert_eq!(light10(&n.normalize_str(input)), want, "{input}");
    }
}

#[test]
fn snowball_cases() {
    for (input, want) in [
        ("والمكتبات", "والمكتبا"),
        ("وقالت", "قال"),
        ("لتنظيم", "لتنظيم"),
        ("الرقة", "الرق"),
        ("درعا", "درع"),
        ("كوباني", "كوب"),
        ("كتائب", "كتايب"),
        ("الحسكة،", "حسكة،"),
        ("درسين", "درسين"),
        ("كاتبين", "كاتب"),
        ("المحسن", "محس"),
        ("وبالكتاب", "كتاب"),
        ("أالكتاب", "الكتاب"),
        ("سيستخدم", "يستخدم"),
        ("يستخدم", "استخدم"),
        ("بالقوات", "بالقو"),
        ("الهدى", "هدي"),
        ("شاطئ", "شاطء"),
        ("ﺍﻟﻌﺮﺑﻴﺔ", "عرب"),
        ("٢٠٢٤", "2024"),
        ("", ""),
        ("Reuters", "Reuters"),
    ] {
        assert_eq!(snowball(input), want, "{input}");
    }
}

#[test]
fn stemmers_never_panic_on_odd_input() {
    for s in [
        "",
        "\u{064E}",
        "ـــ",
        "و",
        "ال",
        "لل",
        "🙂🙂🙂🙂",
        "ب🙂ال",
        "ا\u{0654}\u{0654}\u{0654}",
        "،؛؟",
        &"ب".repeat(500),
    ] {
        let _ = light10(s);
        let _ = snowball(s);
        let _ = Stemmer::new(Algorithm::Light10).segment(s);
    }
}

#[test]
fn protected_words_survive_both_stemmers() {
    let names = ["عفرين", "حماه", "درعا", "كوباني", "الرقه"];
    for alg in [Algorithm::Light10, Algorithm::Snowball] {
        let s = Stemmer::new(alg).with_protected(names);
        for name in names {
            assert_eq!(s.stem(name), name, "{alg:?} {name}");
        }
        assert_eq!(s.stem("وعفرين"), "عفرين", "{alg:?}");
        assert_eq!(s.stem("بدرعا"), "درعا", "{alg:?}");
        assert_eq!(s.stem("للرقه"), "الرقه", "{alg:?}: لل is read as ل + ال");
        // Unprotected words are stemmed as usual.
        let plain = Stemmer::new(alg);
        assert_eq!(s.stem("المكتبات"), plain.stem("المكتبات"));
        assert_ne!(plain.stem("كوباني"), "كوباني");
    }
}

fn parts(word: &str, s: &Stemmer) -> (Vec<(CliticKind, String)>, String, Option<String>) {
    let seg = s.segment(word);
    let pro = seg
        .proclitics()
        .iter()
        .map(|c| (c.kind(), word[c.range()].to_string()))
        .collect();
    let enc = seg.enclitic().map(|c| word[c.range()].to_string());
    // The parts tile the word.
    let mut pos = 0;
    for c in seg.proclitics() {
        assert_eq!(c.range().start, pos, "{word}");
        pos = c.range().end;
    }
    assert_eq!(seg.stem().start, pos, "{word}");
    let end = seg.enclitic().map_or(word.len(), |c| c.range().start);
    assert_eq!(seg.stem().end, end, "{word}");
    (pro, word[seg.stem()].to_string(), enc)
}

#[test]
fn clitic_segmentation_table() {
    use CliticKind::*;
    let s = Stemmer::new(Algorithm::Light10).with_protected(["فرنسا"]);
    type Case<'a> = (
        &'a str,
        &'a [(CliticKind, &'a str)],
        &'a str,
        Option<&'a str>,
    );
    let cases: &[Case] = &[
        (
            "وبالحسكة",
            &[(Conjunction, "و"), (Preposition, "ب"), (Article, "ال")],
            "حسكة",
            None,
        ),
        (
            "للتحالف",
            &[(Preposition, "ل"), (Article, "ل")],
            "تحالف",
            None,
        ),
        (
            "فالجيش",
            &[(Conjunction, "ف"), (Article, "ال")],
            "جيش",
            None,
        ),
        (
            "وسيقاتلون",
            &[(Conjunction, "و"), (Future, "س")],
            "يقاتلون",
            None,
        ),
        ("مدرستها", &[], "مدرست", Some("ها")),
        ("ومواقعهم", &[(Conjunction, "و")], "مواقع", Some("هم")),
        ("بحمص", &[(Preposition, "ب")], "حمص", None),
        // a protected word stops the splitting
        ("فرنسا", &[], "فرنسا", None),
        ("وفرنسا", &[(Conjunction, "و")], "فرنسا", None),
        // diacritics and tatweel stay with the letter they are written on
        (
            "وَبِالحَسَكَة",
            &[(Conjunction, "وَ"), (Preposition, "بِ"), (Article, "ال")],
            "حَسَكَة",
            None,
        ),
        ("لـ\u{0640}حمص", &[(Preposition, "لـ\u{0640}")], "حمص", None),
        // too short to split
        ("ول", &[], "ول", None),
        ("", &[], "", None),
    ];
    for (word, pro, stem, enc) in cases {
        let (p, st, e) = parts(word, &s);
        let want: Vec<(CliticKind, String)> =
            pro.iter().map(|(k, t)| (*k, t.to_string())).collect();
        assert_eq!(p, want, "{word}");
        assert_eq!(st, *stem, "{word}");
        assert_eq!(e.as_deref(), *enc, "{word}");
    }
}
