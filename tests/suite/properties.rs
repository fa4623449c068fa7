//! Properties (proptest): idempotence, offset maps, spans, no panics.

use dalil::stem::{light10, snowball, Algorithm, Stemmer};
use dalil::{Gazetteer, Normalizer, NormalizerConfig};
use proptest::prelude::*;

/// Strings made mostly of the characters the normalizer cares about, mixed with anything.
fn arabicish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ا",
        "أ",
        "إ",
        "آ",
        "ٱ",
        "ى",
        "ي",
        "ة",
        "ه",
        "ؤ",
        "ئ",
        "ء",
        "و",
        "ل",
        "ب",
        "ف",
        "ك",
        "ال",
        "لل",
        "حمص",
        "دير الزور",
        "ديرالزور",
        "الباب",
        "مدينة",
        "«",
        "»",
        "“",
        "”",
        "،",
        "؛",
        "؟",
        "\u{064B}",
        "\u{064E}",
        "\u{0651}",
        "\u{0652}",
        "\u{0653}",
        "\u{0654}",
        "\u{0655}",
        "\u{0670}",
        "\u{0640}",
        "\u{06D6}",
        "\u{0615}",
        "\u{200C}",
        "\u{200D}",
        "\u{200E}",
        "\u{200F}",
        "\u{061C}",
        "\u{202B}",
        "\u{2067}",
        "\u{FEFF}",
        "\u{00AD}",
        "\u{00A0}",
        "\u{2009}",
        "\u{200B}",
        "ی",
        "ک",
        "ے",
        "ۀ",
        "ۃ",
        "گ",
        "پ",
        "ﻻ",
        "ﻷ",
        "ﷲ",
        "ﺍﻟﻌﺮﺑﻴﺔ",
        "ﹰ",
        "٠",
        "٩",
        "۱",
        "٫",
        "٬",
        " ",
        "\n",
        "-",
        "(",
        ")",
        "\"",
        "17",
        "x",
        "Ж",
        "🙂",
    ]);
    prop::collection::vec(
        prop_oneof![4 => pieces.prop_map(String::from), 1 => any::<char>().prop_map(String::from)],
        0..40,
    )
    .prop_map(|v| v.concat())
}

/// Whether `c` is an Arabic letter U+0621–U+064A (not tatweel).
fn is_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c) && c != '\u{0640}'
}

/// The entities and keys the built-in gazetteer finds in a text, in order.
fn found(text: &str) -> Vec<(String, String)> {
    Gazetteer::builtin()
        .tag(text)
        .map(|m| (m.entity().id().to_string(), m.key().to_string()))
        .collect()
}

/// Sentences of names, context words and other words, in the shapes of news text.
fn sentences() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "في",
        "من",
        "إلى",
        "قرب",
        "شرقي",
        "مدينة",
        "بلدة",
        "ريف",
        "عناصر",
        "مع",
        "حمص",
        "حماة",
        "تدمر",
        "الميادين",
        "الرياضية",
        "الشرقية",
        "دير الزور",
        "بدير الزور",
        "ديرالزور",
        "الباب",
        "فتح",
        "السلمية",
        "المظاهرات",
        "قوات سوريا الديمقراطية",
        "قسد",
        "لـ«داعش»",
        "تنظيم الدولة",
        "النصرة",
        "والحسكة",
        "للتحالف الدولي",
        "البوكمال",
        "والميادين",
        "حماة الديار",
        "الحمص",
        "حلب",
        "حلبي",
        "الغارات",
        "واشنطن بوست",
        "عمان",
        "سلطنة عمان",
        "سنجار",
        "صيدا",
        "تل الحارة",
        "الحارة",
        "،",
        ".",
        "قال",
        "الجيش",
        "السوري",
        "الفرقة 17",
        "عملية «العزم الصلب»",
        "إدلب",
        "لإدلب",
        "بحلب الأبقار",
    ]);
    prop::collection::vec(words, 1..16).prop_map(|w| w.join(" "))
}

fn profiles() -> Vec<Normalizer> {
    let mut c = NormalizerConfig::default();
    c.fold_alef_hamza = false;
    c.fold_yeh_hamza = false;
    vec![
        Normalizer::default(),
        Normalizer::new(NormalizerConfig::lucene()),
        Normalizer::new(NormalizerConfig::none()),
        Normalizer::new(c),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn normalization_is_idempotent(s in arabicish()) {
        for n in profiles() {
            let once = n.normalize_str(&s).into_owned();
            let twice = n.normalize_str(&once).into_owned();
            prop_assert_eq!(&once, &twice, "{:?}", n.config());
        }
    }

    #[test]
    fn map_and_no_map_agree(s in arabicish()) {
        for n in profiles() {
            let with_map = n.normalize(&s);
            let without = n.normalize_str(&s);
            prop_assert_eq!(with_map.as_str(), &*without);
        }
    }

    #[test]
    fn offsets_are_monotonic_and_on_char_boundaries(s in arabicish()) {
        for n in profiles() {
            let norm = n.normalize(&s);
            let t = norm.as_str();
            let mut last_start = 0;
            let mut last_end = 0;
            for (i, c) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
                let start = norm.map().to_original_start(i);
                let end = norm.map().to_original_end(i);
                prop_assert!(s.is_char_boundary(start) && s.is_char_boundary(end));
                prop_assert!(start >= last_start && end >= last_end, "at {} of {:?}", i, t);
                prop_assert!(start <= s.len() && end <= s.len());
                last_start = start;
                last_end = end;
                let _ = c;
            }
            // Any span of whole normalized chars maps to an original span that normalizes
            // back to it, when the span is a whole word.
            for r in dalil::token::words(t) {
                let o = norm.original_range(r.clone());
                prop_assert!(s.is_char_boundary(o.start) && s.is_char_boundary(o.end));
                prop_assert!(o.start <= o.end);
            }
        }
    }

    #[test]
    fn stemmers_never_panic(s in arabicish()) {
        let _ = light10(&s);
        let _ = snowball(&s);
        let seg = Stemmer::new(Algorithm::Light10).segment(&s);
        for c in seg.proclitics() {
            prop_assert!(s.is_char_boundary(c.range().start) && s.is_char_boundary(c.range().end));
        }
        prop_assert!(s.is_char_boundary(seg.stem().start) && s.is_char_boundary(seg.stem().end));
    }

    #[test]
    fn match_spans_are_keys_of_their_entities(s in arabicish()) {
        let g = Gazetteer::builtin();
        let mut last_end = 0;
        for m in g.tag(&s) {
            prop_assert!(s.is_char_boundary(m.start()) && s.is_char_boundary(m.end()));
            prop_assert!(m.proclitic_start() <= m.start() && m.start() < m.end());
            prop_assert!(m.proclitic_start() >= last_end, "matches overlap in {:?}", s);
            last_end = m.end();
            // The normalized words of the span are the key that matched (with the article's
            // alef restored when it was written as the ل of لل), or, when the span starts with
            // a ligature of a proclitic and the name's first letter (ﻹ of لإدلب), the key
            // behind that proclitic.
            let span = &s[m.span()];
            let words = g.normalize_name(span);
            let restored = format!("ا{words}");
            let first = span.chars().next().map(String::from).unwrap_or_default();
            let shared = g.normalize_name(&first).chars().count() > 1
                && words.strip_suffix(m.key()).is_some_and(|p| p == "ل");
            prop_assert!(
                words == m.key() || (restored == m.key() && words.starts_with('ل')) || shared,
                "span {:?} normalizes to {:?}, key {:?}", span, words, m.key()
            );
            prop_assert!(m.candidates().any(|e| e.id() == m.entity().id()));
        }
    }

    #[test]
    fn harakat_and_tatweel_inside_words_change_no_match(
        (plain, marked) in sentences().prop_flat_map(|words| {
            let letters = words.chars().filter(|c| is_letter(*c)).count();
            (Just(words), prop::collection::vec(0usize..8, letters))
        }).prop_map(|(plain, marks)| {
            // After each letter, one of five harakat, tatweel (inside a word) or nothing
            // (tanween, a mark of the indefinite, is left out: it can decide a match).
            const HARAKAT: [&str; 5] = ["\u{064E}", "\u{064F}", "\u{0650}", "\u{0652}", "\u{0651}\u{064E}"];
            let mut marked = String::new();
            let mut k = 0;
            let mut chars = plain.chars().peekable();
            while let Some(c) = chars.next() {
                marked.push(c);
                if is_letter(c) {
                    match HARAKAT.get(marks[k]) {
                        Some(h) => marked.push_str(h),
                        // Tatweel inside a word.
                        None if marks[k] == 7 && chars.peek().is_some_and(|&n| is_letter(n)) => {
                            marked.push('\u{0640}')
                        }
                        None => {}
                    }
                    k += 1;
                }
            }
            (plain, marked)
        })
    ) {
        prop_assert_eq!(found(&plain), found(&marked), "{:?} / {:?}", plain, marked);
    }

    #[test]
    fn spelling_variants_and_invisible_marks_change_no_match(
        (plain, varied) in sentences().prop_flat_map(|words| {
            let n = words.chars().count();
            (Just(words), prop::collection::vec(0usize..6, n))
        }).prop_map(|(plain, picks)| {
            // Persian and Urdu forms of letters, alef wasla, and a zero-width non-joiner
            // or a right-to-left mark inside a word.
            let mut varied = String::new();
            let mut chars = plain.chars().zip(picks).peekable();
            while let Some((c, pick)) = chars.next() {
                let inside = is_letter(c) && chars.peek().is_some_and(|&(n, _)| is_letter(n));
                match (c, pick) {
                    ('ي', 1) => varied.push('ی'),
                    ('ك', 1) => varied.push('ک'),
                    ('ة', 1) => varied.push('ۃ'),
                    ('ا', 1) => varied.push('ٱ'),
                    (c, 2) if inside => {
                        varied.push(c);
                        varied.push('\u{200C}');
                    }
                    (c, 3) if inside => {
                        varied.push(c);
                        varied.push('\u{200F}');
                    }
                    (c, _) => varied.push(c),
                }
            }
            (plain, varied)
        })
    ) {
        prop_assert_eq!(found(&plain), found(&varied), "{:?} / {:?}", plain, varied);
    }

    #[test]
    fn tagging_any_string_does_not_panic(s in any::<String>()) {
        let _ = Gazetteer::builtin().tag(&s).count();
        let _ = Normalizer::default().normalize(&s);
    }
}
