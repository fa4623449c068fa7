//! The scan rules, each as a table of our own sentences with positives and negatives, and
//! the builder's errors.

use dalil::{Ambiguity, Entity, ErrorKind, Gazetteer, GazetteerBuilder, Kind};

/// Tags `text` with the built-in gazetteer: (surface, id) of every match.
fn tag(text: &str) -> Vec<(String, String)> {
    Gazetteer::builtin()
        .tag(text)
        .map(|m| (text[m.span()].to_string(), m.entity().id().to_string()))
        .collect()
}

fn ids(text: &str) -> Vec<String> {
    tag(text).into_iter().map(|(_, id)| id).collect()
}

/// (sentence, expected (surface, id) pairs).
fn check(cases: &[(&str, &[(&str, &str)])]) {
    for (text, want) in cases {
        let got = tag(text);
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(s, i)| (s.to_string(), i.to_string()))
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }
}

#[test]
fn words_end_at_word_edges() {
    check(&[
        ("وصلت القافلة إلى حلب أمس", &[("حلب", "aleppo")]),
        ("فاز الفريق في حلبة السباق", &[]),
        ("قال المسؤول الحلبي إن", &[]),
        ("طبق حلبي تقليدي", &[]),
        ("حمصي الأصل", &[]),
        ("حلب.", &[("حلب", "aleppo")]),
        ("(حلب)", &[("حلب", "aleppo")]),
    ]);
}

#[test]
fn proclitics_before_names() {
    check(&[
        ("انفجار بدير الزور", &[("دير الزور", "deir-ez-zor")]),
        ("والحسكة", &[("الحسكة", "al-hasakah")]),
        ("وبحلب", &[("حلب", "aleppo")]),
        ("فحمص", &[("حمص", "homs")]),
        ("كحلب", &[("حلب", "aleppo")]),
        ("بالحسكة", &[("الحسكة", "al-hasakah")]),
        ("وبالحسكة", &[("الحسكة", "al-hasakah")]),
        // لل = ل + ال: the span starts at the article's lam.
        (
            "بيان للتحالف الدولي",
            &[("لتحالف الدولي", "us-led-coalition")],
        ),
        ("زيارة للحسكة", &[("لحسكة", "al-hasakah")]),
        // ل and the name's first letter in one ligature (ﻹ, U+FEF9): the span cannot start
        // inside it.
        ("وصلت ﻹدلب", &[("ﻹدلب", "idlib")]),
        // a name without the article is not matched with one
        ("اشترى الحمص من السوق", &[]),
        ("والحمص", &[]),
    ]);
}

#[test]
fn quotes_tatweel_and_brackets_do_not_hide_names() {
    check(&[
        ("مناطق خاضعة لـ«داعش»", &[("داعش", "isis")]),
        ("عناصر من تنظيم “الدولة”", &[("تنظيم “الدولة”", "isis")]),
        (
            "قوات «سوريا الديمقراطية»",
            &[("قوات «سوريا الديمقراطية»", "sdf")],
        ),
        ("مقاتلو «قسد»", &[("قسد", "sdf")]),
        ("في حـــمـص", &[("حـــمـص", "homs")]),
        (
            "قوات (سوريا الديمقراطية)",
            &[("قوات (سوريا الديمقراطية)", "sdf")],
        ),
        ("بـ\"داعش\"", &[("داعش", "isis")]),
    ]);
}

#[test]
fn a_span_takes_in_the_pair_of_a_mark_inside_it() {
    check(&[
        // The closing mark after the name is taken in.
        (
            "ضمن عملية \"العزم الصلب\" ضد",
            &[("عملية \"العزم الصلب\"", "cjtf-oir")],
        ),
        ("مقاتلو تنظيم «داعش» في", &[("تنظيم «داعش»", "isis")]),
        // So is the opening mark before it, after a proclitic too.
        (
            "دوت في \"حقل العمر\" النفطي",
            &[("\"حقل العمر\" النفطي", "al-omar-oil-field")],
        ),
        (
            "و\"حقل العمر\" النفطي",
            &[("\"حقل العمر\" النفطي", "al-omar-oil-field")],
        ),
        // A mark already taken by the match before stays with it.
        (
            "عملية \"العزم الصلب\"حقل العمر\" النفطي",
            &[
                ("عملية \"العزم الصلب\"", "cjtf-oir"),
                ("حقل العمر\" النفطي", "al-omar-oil-field"),
            ],
        ),
        // Marks around the whole name stay outside it.
        ("«حمص» و«حلب»", &[("حمص", "homs"), ("حلب", "aleppo")]),
        // A mark whose pair is not next to the span is left as it is.
        (
            "قوات «سوريا الديمقراطية وحلفاؤها»",
            &[("قوات «سوريا الديمقراطية", "sdf")],
        ),
        (
            "قوات «سوريا الديمقراطية ",
            &[("قوات «سوريا الديمقراطية", "sdf")],
        ),
    ]);
}

#[test]
fn spelling_variants_normalize_alike() {
    check(&[
        ("في دير الزّور", &[("دير الزّور", "deir-ez-zor")]),
        ("في دیر الزور", &[("دیر الزور", "deir-ez-zor")]),
        ("في إدلب وادلب", &[("إدلب", "idlib"), ("ادلب", "idlib")]),
        (
            "الرقة والرقه",
            &[("الرقة", "ar-raqqah"), ("الرقه", "ar-raqqah")],
        ),
        ("«الفرقة ١٧»", &[("الفرقة ١٧", "saa-17th-division")]),
        ("الفرقة 17", &[("الفرقة 17", "saa-17th-division")]),
        ("\u{200F}حمص\u{200F}", &[("حمص", "homs")]),
    ]);
}

#[test]
fn dropped_spaces_after_non_joining_letters() {
    check(&[
        ("قصف في ديرالزور", &[("ديرالزور", "deir-ez-zor")]),
        ("قوات سورياالديمقراطية", &[("قوات سورياالديمقراطية", "sdf")]),
        // ل joins leftward: a dropped space there is not a writer's habit we accept.
        ("تلابيض", &[]),
    ]);
}

#[test]
fn invisible_marks_inside_a_word_do_not_split_it() {
    // The tagger reads دير + RLM + الزور as one word; keys are made the same way.
    let g = Gazetteer::builtin();
    assert_eq!(g.normalize_name("دير\u{200F}الزور"), "ديرالزور");
    assert_eq!(g.normalize_name("\u{200F}حمص\u{200E}"), "حمص");
    assert_eq!(g.normalize_name("لاهـ\u{200E}اي"), "لاهاي");
    check(&[
        (
            "في دير\u{200F}الزور",
            &[("دير\u{200F}الزور", "deir-ez-zor")],
        ),
        ("في لاه\u{200E}اي", &[("لاه\u{200E}اي", "the-hague")]),
    ]);
}

#[test]
fn leftmost_longest() {
    check(&[
        (
            "مجلس دير الزور العسكري",
            &[("مجلس دير الزور العسكري", "deir-ez-zor-military-council")],
        ),
        ("ريف دير الزور الشرقي", &[("دير الزور", "deir-ez-zor")]),
        (
            "محافظة دير الزور",
            &[("محافظة دير الزور", "deir-ez-zor-governorate")],
        ),
        (
            "قوات سوريا الديمقراطية",
            &[("قوات سوريا الديمقراطية", "sdf")],
        ),
        ("الولايات المتحدة", &[("الولايات المتحدة", "united-states")]),
        // The army after December 2024 is not the Syrian Arab Army.
        (
            "الجيش السوري الجديد",
            &[("الجيش السوري الجديد", "syrian-army-2025")],
        ),
        (
            "عناصر المجلس العسكري في السويداء",
            &[("المجلس العسكري في السويداء", "suwayda-military-council")],
        ),
        // Bare عمان is Amman; Oman is named with سلطنة.
        (
            "اجتماع عمان وسلطنة عُمان",
            &[("عمان", "amman"), ("سلطنة عُمان", "oman")],
        ),
    ]);
}

#[test]
fn stop_phrases_hide_names() {
    check(&[
        ("ذكرت صحيفة واشنطن بوست", &[]),
        ("قال مسؤول في واشنطن", &[("واشنطن", "washington")]),
        ("من حماة الديار", &[]),
        // Local news outlets named after their place.
        ("أفادت شبكة السويداء 24", &[]),
        ("وقال تجمع أحرار حوران", &[]),
        ("قتل شخص في السويداء", &[("السويداء", "as-suwayda")]),
        // حلب is also "milking".
        ("يستيقظ المزارع ليقوم بحلب الأبقار", &[]),
        ("ثم يعود لحلب الماعز", &[]),
        ("في ريف حلب الشمالي", &[("حلب", "aleppo")]),
    ]);
}

#[test]
fn strongly_ambiguous_names_need_a_place_word_or_a_list() {
    check(&[
        ("دخلت القوات مدينة الباب", &[("الباب", "al-bab")]),
        (
            "في مدينتي الباب ومنبج",
            &[("الباب", "al-bab"), ("منبج", "manbij")],
        ),
        ("بلدة الباب", &[("الباب", "al-bab")]),
        ("وريف الباب", &[("الباب", "al-bab")]),
        ("منبج والباب", &[("منبج", "manbij"), ("الباب", "al-bab")]),
        ("الباب ومنبج", &[("الباب", "al-bab"), ("منبج", "manbij")]),
        (
            "منبج، الباب، جرابلس",
            &[
                ("منبج", "manbij"),
                ("الباب", "al-bab"),
                ("جرابلس", "jarabulus"),
            ],
        ),
        ("فتح الباب أمام الحوار", &[]),
        ("في الباب", &[]),
        ("المظاهرات السلمية", &[]),
        ("منطقة السلمية", &[("السلمية", "salamiyah")]),
        ("حقل العمر", &[("حقل العمر", "al-omar-oil-field")]),
        ("في مقتبل العمر", &[]),
        ("الطبقة الوسطى", &[]),
        ("مدينة الطبقة", &[("الطبقة", "at-tabqah")]),
    ]);
}

#[test]
fn weakly_ambiguous_names_need_some_context() {
    check(&[
        ("وصلت التعزيزات إلى حماة", &[("حماة", "hama")]),
        ("قرب تدمر", &[("تدمر", "palmyra")]),
        ("شرقي تدمر", &[("تدمر", "palmyra")]),
        ("بتدمر", &[("تدمر", "palmyra")]),
        ("في الميادين", &[("الميادين", "al-mayadin")]),
        (
            "البوكمال والميادين",
            &[("البوكمال", "abu-kamal"), ("الميادين", "al-mayadin")],
        ),
        ("الغارات تدمر المنازل", &[]),
        ("في شتى الميادين", &[]),
        // After a mere locative, a definite adjective makes the name a noun phrase.
        ("في الميادين الرياضية", &[]),
        ("من الميادين العامة", &[("الميادين", "al-mayadin")]),
        ("في مدينة الميادين الشرقية", &[("الميادين", "al-mayadin")]),
        ("حماة الديار", &[]),
        ("حماة الوطن", &[]),
        // A village whose name, once hamza is folded, is the verb نأمر "we order".
        ("نأمر بوقف إطلاق النار", &[]),
        ("قرب نامر", &[("نامر", "namir")]),
        // An armed group's weak name: after a word for its members or positions, or مع /
        // ضد; such words do not vouch for a place.
        ("قتل عناصر النصرة", &[("النصرة", "jabhat-al-nusra")]),
        ("قصفت مواقع النجباء", &[("النجباء", "harakat-al-nujaba")]),
        ("لمقاتلي العصائب", &[("العصائب", "asaib-ahl-al-haq")]),
        (
            "معارك مع الدفاع الوطني",
            &[("الدفاع الوطني", "national-defence-forces")],
        ),
        ("النصرة واجبة", &[]),
        ("الدفاع الوطني مسؤولية الجميع", &[]),
        ("عناصر تدمر", &[]),
        ("مع الميادين", &[]),
    ]);
}

#[test]
fn a_word_with_tanween_is_no_place_name() {
    check(&[
        ("استخدم الجنود درعاً واقياً", &[]),
        ("درعًا واقيًا", &[]),
        ("كانوا حماةً للديار", &[]),
        // Other marks, and a final alef without tanween, leave the name.
        ("وصلت إلى درعا", &[("درعا", "daraa")]),
        ("في دمشقَ وحمصَ", &[("دمشقَ", "damascus"), ("حمصَ", "homs")]),
        // Tanween inside the word is not on its end; an armed group is not a place.
        ("في دمًشق", &[("دمًشق", "damascus")]),
        (
            "قصفت طائراتٌ روسيةٌ",
            &[("طائراتٌ روسيةٌ", "russian-air-force")],
        ),
    ]);
}

#[test]
fn a_homonym_is_the_one_near_the_places_named_before_it() {
    check(&[
        // Without a place before it, the most prominent (the rank of collisions.tsv).
        ("قرية زيزون", &[("زيزون", "zayzun-hama")]),
        (
            "في ريف درعا الغربي بلدة زيزون",
            &[("درعا", "daraa"), ("زيزون", "zayzun-daraa")],
        ),
        (
            "في محافظة الرقة قرية المنصورة",
            &[
                ("محافظة الرقة", "ar-raqqah-governorate"),
                ("المنصورة", "al-mansurah-raqqa"),
            ],
        ),
        (
            "ريف حلب قرية المنصورة",
            &[("حلب", "aleppo"), ("المنصورة", "al-mansurah-aleppo")],
        ),
        // A country named before: its city.
        (
            "قصفت إسرائيل لبنان وغارة على مدينة صيدا",
            &[
                ("إسرائيل", "israel"),
                ("لبنان", "lebanon"),
                ("صيدا", "sidon"),
            ],
        ),
        (
            "قصفت قوات النظام درعا ثم بلدة صيدا",
            &[
                ("قوات النظام", "syrian-government-forces"),
                ("درعا", "daraa"),
                ("صيدا", "saida-daraa"),
            ],
        ),
        // A strongly ambiguous homonym needs its place word as before.
        (
            "اشتباكات في إدلب قرب بلدة سنجار",
            &[("إدلب", "idlib"), ("سنجار", "sinjar-idlib")],
        ),
        (
            "اشتباكات في إدلب وفي سنجار",
            &[("إدلب", "idlib"), ("سنجار", "sinjar")],
        ),
    ]);
    // What was named long before (more than an article back) does not count.
    let far = format!("درعا. {} بلدة زيزون", "كلام عام ".repeat(600));
    let got: Vec<&str> = Gazetteer::builtin()
        .tag(&far)
        .map(|m| m.entity().id())
        .collect();
    assert_eq!(got, ["daraa", "zayzun-hama"]);
}

#[test]
fn hills_of_the_south_are_not_their_towns() {
    // تل الحارة is the hill by the town of الحارة (a strongly ambiguous name, "the
    // quarter"): the longer name wins.
    check(&[
        (
            "سيطروا على تل الحارة الاستراتيجي",
            &[("تل الحارة", "tell-al-harra")],
        ),
        ("في بلدة الحارة", &[("الحارة", "al-harrah-daraa")]),
        ("خلايا في تلول الصفا", &[("تلول الصفا", "tulul-al-safa")]),
        ("قرب تل الجموع", &[("تل الجموع", "tell-al-jumu")]),
    ]);
}

#[test]
fn places_of_the_north_east_and_its_border() {
    check(&[
        ("قصف قرب الرميلان", &[("الرميلان", "rumaylan")]),
        ("وصلت الشاحنات إلى فيشخابور", &[("فيشخابور", "fishkhabur")]),
        (
            "عبر معبر فيشخابور",
            &[("معبر فيشخابور", "semalka-crossing")],
        ),
        // مهين ("humiliating") is a strongly ambiguous village name; its depots are not.
        (
            "انفجارات في مستودعات مهين",
            &[("مستودعات مهين", "mahin-depots")],
        ),
        ("في مهين", &[]),
    ]);
}

#[test]
fn factions_of_the_early_war() {
    check(&[
        (
            "قاتل لواء الإسلام في الغوطة",
            &[("لواء الإسلام", "jaysh-al-islam"), ("الغوطة", "ghouta")],
        ),
        (
            "أعلن جيش إدلب الحر",
            &[("جيش إدلب الحر", "free-idlib-army")],
        ),
        (
            "بايعت حركة المثنى الإسلامية",
            &[("حركة المثنى الإسلامية", "harakat-al-muthanna")],
        ),
        (
            "تشكلت جبهة تحرير سوريا",
            &[("جبهة تحرير سوريا", "syrian-liberation-front")],
        ),
        ("دعم غرفة الموك", &[("غرفة الموك", "moc-operations-room")]),
        (
            "عناصر كتائب الفاروق في حمص",
            &[("كتائب الفاروق", "farouq-brigades"), ("حمص", "homs")],
        ),
        // Algeria's and Sudan's Islamic fronts are not Syria's.
        (
            "مع الجبهة الإسلامية للإنقاذ في الجزائر",
            &[("الجزائر", "algeria")],
        ),
    ]);
}

#[test]
fn named_campaigns_are_not_their_rivers() {
    check(&[
        (
            "أطلقت قسد معركة غضب الفرات",
            &[
                ("قسد", "sdf"),
                ("معركة غضب الفرات", "operation-wrath-of-euphrates"),
            ],
        ),
        (
            "عملية عاصفة الجزيرة",
            &[("عملية عاصفة الجزيرة", "operation-jazira-storm")],
        ),
        ("عاصفة الجزيرة العربية", &[]),
        ("قصف على جبل الثردة", &[("جبل الثردة", "jabal-al-tharda")]),
        ("معارك في الشيخ سعيد", &[("الشيخ سعيد", "sheikh-saeed")]),
        ("قال الشيخ سعيد إن", &[]),
    ]);
}

#[test]
fn a_name_shared_at_several_levels_matches_as_its_least_ambiguous_entity() {
    // سنجار is Iraq's Sinjar (none) and a village of Idlib (strong, as a homonym of it):
    // the town matches anywhere, as if the village were not there.
    check(&[
        ("اشتباكات في سنجار", &[("سنجار", "sinjar")]),
        ("قصفت طائرات تركية سنجار", &[("سنجار", "sinjar")]),
    ]);
    // A name of one level for all its entities: as before.
    check(&[
        ("اشتباكات في صيدا", &[]),
        ("مدينة صيدا", &[("صيدا", "sidon")]),
    ]);
    // A user's village that shares a name with a built-in place, at a higher level, takes
    // no match from it; with a place word before it, the first of the two by rank whose
    // level the context allows is chosen.
    let tsv = "id\tkind\ttype\tname_en\tnames_ar\tlat\tlon\tparent\tambiguity\tsource\n\
homs-test\tplace\tvillage\tHoms (a test village)\tحمص\t\t\tidlib-governorate\tstrong\tmine\n";
    let mut b = GazetteerBuilder::new();
    b.with_builtin()
        .add_tsv("mine.tsv", tsv.as_bytes())
        .unwrap();
    let g = b.build().unwrap();
    let got =
        |text: &str| -> Vec<String> { g.tag(text).map(|m| m.entity().id().to_string()).collect() };
    assert_eq!(got("وصلت التعزيزات إلى حمص"), ["homs"]);
    assert_eq!(got("قصفت حمص"), ["homs"]);
    assert_eq!(got("قرية حمص"), ["homs"]);
    // A name whose only entity is strong still needs its context.
    let tsv = "id\tkind\ttype\tname_en\tnames_ar\tlat\tlon\tparent\tambiguity\tsource\n\
qaryat-test\tplace\tvillage\tQaryat Test\tكلمتست\t\t\t\tnone\tmine\n\
qaryat-test2\tplace\ttown\tQaryat Test 2\tكلمتست\t\t\t\tstrong\tmine\n";
    let mut b = GazetteerBuilder::new();
    b.add_tsv("mine.tsv", tsv.as_bytes()).unwrap();
    let g = b.build().unwrap();
    let got =
        |text: &str| -> Vec<String> { g.tag(text).map(|m| m.entity().id().to_string()).collect() };
    // The town ranks first but is strong: without a place word the village is chosen.
    assert_eq!(got("قالوا كلمتست"), ["qaryat-test"]);
    assert_eq!(got("بلدة كلمتست"), ["qaryat-test2"]);
}

#[test]
fn a_ligature_of_several_words_is_read_as_its_words() {
    // U+FDFB (جل جلاله) is one character that normalizes to two words; a proptest found
    // that reading a name across its words sliced the original text backwards.
    check(&[
        ("ﷻ", &[]),
        ("قال الله ﷻ في حلب", &[("حلب", "aleppo")]),
        (
            "ﷻ حلب ﷻ، دمشق ﷻ",
            &[("حلب", "aleppo"), ("دمشق", "damascus")],
        ),
    ]);
}

#[test]
fn offsets_are_into_the_original_text() {
    let g = Gazetteer::builtin();
    let text = "قال «مصدر»: إنّ قوّات سوريا الدّيمقراطية\u{200F} سيطرت على ديـــر الزُّور، وبِالحَسَكَة";
    let got: Vec<(&str, &str, &str)> = g
        .tag(text)
        .map(|m| {
            (
                &text[m.span()],
                &text[m.proclitic_start()..m.start()],
                m.entity().id(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("قوّات سوريا الدّيمقراطية", "", "sdf"),
            ("ديـــر الزُّور", "", "deir-ez-zor"),
            ("الحَسَكَة", "وبِ", "al-hasakah"),
        ]
    );
}

#[test]
fn match_accessors() {
    let g = Gazetteer::builtin();
    let m = g.tag("في دير الزّور").next().unwrap();
    assert_eq!(m.key(), "دير الزور");
    assert_eq!(m.alias(), "دير الزور");
    assert_eq!(g.tag("ديرالزور").next().unwrap().key(), "ديرالزور");
    assert_eq!(m.entity().kind(), Kind::Place);
    assert_eq!(m.candidates().next().unwrap().id(), "deir-ez-zor");
}

#[test]
fn dictionary_lookups() {
    let g = Gazetteer::builtin();
    assert_eq!(g.get("دير الزور").unwrap().id(), "deir-ez-zor");
    assert_eq!(g.get("دير الزّور").unwrap().id(), "deir-ez-zor");
    assert_eq!(g.get("ديرالزور").unwrap().id(), "deir-ez-zor");
    assert!(g.get("دير").is_none());
    let done: Vec<&str> = g.complete("دير الز", 20).iter().map(|s| s.key()).collect();
    assert!(done.contains(&"دير الزور"), "{done:?}");
    assert!(done.iter().all(|k| k.starts_with("دير الز")));
    // Fuzzy lookup counts letters, not bytes (fst's own automaton fails these).
    for (query, edits) in [
        ("ديرالزور", 1),
        ("دیر الزور", 0),
        ("دير الزوز", 1),
        ("ديرالزوز", 2),
    ] {
        let hits = g.fuzzy(query, edits);
        assert!(
            hits.iter().any(|s| s.entity().id() == "deir-ez-zor"),
            "{query} within {edits}: {:?}",
            hits.iter().map(|s| s.key()).collect::<Vec<_>>()
        );
    }
    assert!(g.fuzzy("دير الزوز", 0).is_empty());
    let far = g.fuzzy("دير الزوز", 1);
    assert!(far.iter().all(|s| s.distance() <= 1));
}

#[test]
fn builder_merges_user_data_with_builtin() {
    let tsv = "# my villages\n\
id\tkind\ttype\tname_en\tnames_ar\tlat\tlon\tparent\tambiguity\tsource\n\
kafr-test\tplace\tvillage\tKafr Test\tكفر تست|كفرتست@weak\t~35.1\t36.6\tidlib-governorate\tnone\tmine\n";
    let aliases = "id\tnames_ar\tsource\nhoms\tعاصمة الثورة\tmine\n";
    let mut b = GazetteerBuilder::new();
    b.with_builtin()
        .add_tsv("mine.tsv", tsv.as_bytes())
        .unwrap()
        .add_tsv("aliases.tsv", aliases.as_bytes())
        .unwrap();
    let g = b.build().unwrap();
    assert_eq!(ids("في كفر تست"), Vec::<String>::new());
    let got: Vec<&str> = g
        .tag("في كفر تست وعاصمة الثورة وكفرتست")
        .map(|m| m.entity().id())
        .collect();
    assert_eq!(got, ["kafr-test", "homs", "kafr-test"]);
    let e = g.entity("kafr-test").unwrap();
    assert!(e.coords_approximate());
    assert_eq!(e.parent(), Some("idlib-governorate"));
    // Without the article-less context the weak alias alone needs context.
    assert_eq!(g.tag("كفرتست").count(), 0);
}

#[test]
fn builder_in_code() {
    let mut b = GazetteerBuilder::new();
    b.add_entity(
        Entity::new("liwa-x", Kind::Unit, "brigade", "Liwa X")
            .with_names(["لواء إكس"])
            .with_ambiguity(Ambiguity::None),
    )
    .unwrap();
    let g = b.build().unwrap();
    assert_eq!(g.len(), 1);
    assert_eq!(
        g.tag("هاجم لواء إكس").next().unwrap().entity().id(),
        "liwa-x"
    );
    assert_eq!(
        g.tag("دير الزور").count(),
        0,
        "no built-in data unless asked"
    );
}

/// Malformed data: (file content, line, field, message fragment).
#[test]
fn malformed_rows_name_file_line_and_field() {
    let h = "id\tkind\ttype\tname_en\tnames_ar\tlat\tlon\tparent\tambiguity\tsource\n";
    let row = |f: [&str; 10]| format!("{h}{}\n", f.join("\t"));
    let ok = [
        "x", "place", "village", "X", "إكس", "35", "36", "", "none", "s",
    ];
    let with = |i: usize, v: &str| {
        let mut f = ok;
        f[i] = v;
        row(f)
    };
    let cases: Vec<(String, usize, Option<&str>, &str)> = vec![
        ("bogus\theader\n".to_string(), 1, None, "unknown header"),
        (
            format!("{h}x\tplace\n"),
            2,
            None,
            "expected 10 tab-separated fields, found 2",
        ),
        (
            with(0, "Bad Id"),
            2,
            Some("id"),
            "not a lowercase ASCII slug",
        ),
        (with(1, "thing"), 2, Some("kind"), "unknown kind `thing`"),
        (
            with(2, "castle"),
            2,
            Some("type"),
            "unknown place type `castle`",
        ),
        (with(3, " "), 2, Some("name_en"), "empty English name"),
        (with(4, "إكس||واي"), 2, Some("names_ar"), "empty name"),
        (
            with(4, "إكس@sometimes"),
            2,
            Some("names_ar"),
            "unknown ambiguity `@sometimes`",
        ),
        (with(5, "north"), 2, Some("lat"), "not a decimal number"),
        (with(5, "95"), 2, Some("lat"), "outside -90..90"),
        (
            with(6, ""),
            2,
            Some("lon"),
            "both be given or both be empty",
        ),
        (
            with(8, "very"),
            2,
            Some("ambiguity"),
            "unknown ambiguity `very`",
        ),
        (
            format!("{h}{}\n{}\n", ok.join("\t"), ok.join("\t")),
            3,
            Some("id"),
            "duplicate id `x` (first defined at bad.tsv:2)",
        ),
        ("# only a comment\n".to_string(), 0, None, "no header line"),
    ];
    for (content, line, field, msg) in cases {
        let err = GazetteerBuilder::new()
            .add_tsv("bad.tsv", content.as_bytes())
            .unwrap_err();
        assert_eq!(err.source_name(), Some("bad.tsv"), "{content:?}");
        if line > 0 {
            assert_eq!(err.line(), Some(line), "{content:?}: {err}");
        }
        assert_eq!(err.field(), field, "{content:?}: {err}");
        assert!(err.to_string().contains(msg), "{content:?}: {err}");
        assert!(matches!(err.kind(), ErrorKind::Parse | ErrorKind::Build));
    }
}

#[test]
fn inconsistent_data_is_an_error_at_build() {
    let h = "id\tkind\ttype\tname_en\tnames_ar\tlat\tlon\tparent\tambiguity\tsource\n";
    let t = format!("{h}x\tplace\tvillage\tX\tإكس\t\t\tnowhere\tnone\ts\n");
    let mut b = GazetteerBuilder::new();
    b.add_tsv("p.tsv", t.as_bytes()).unwrap();
    let err = b.build().unwrap_err();
    assert_eq!((err.line(), err.field()), (Some(2), Some("parent")));
    assert!(err
        .to_string()
        .starts_with("p.tsv:2: field `parent`: unknown parent `nowhere`"));

    let mut b = GazetteerBuilder::new();
    b.add_tsv("a.tsv", "id\tnames_ar\tsource\nghost\tشبح\ts\n".as_bytes())
        .unwrap();
    let err = b.build().unwrap_err();
    assert!(err
        .to_string()
        .starts_with("a.tsv:2: field `id`: alias `شبح` names unknown entity `ghost`"));

    let t = format!("{h}x\tplace\tvillage\tX\t«»\t\t\t\tnone\ts\n");
    let mut b = GazetteerBuilder::new();
    b.add_tsv("q.tsv", t.as_bytes()).unwrap();
    let err = b.build().unwrap_err();
    assert!(
        err.to_string().contains("has no letters or digits"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_and_unreadable_files() {
    let mut bytes = b"id\tnames_ar\tsource\nhoms\t".to_vec();
    bytes.extend_from_slice(b"\xff\xfe\tx\n");
    let err = GazetteerBuilder::new()
        .add_tsv("u.tsv", &bytes[..])
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
    assert_eq!(err.line(), Some(2));
    assert!(err.to_string().contains("byte offset 24"), "{err}");

    let err = GazetteerBuilder::new()
        .add_file("/definitely/not/here.tsv")
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert_eq!(err.source_name(), Some("/definitely/not/here.tsv"));
}

/// A page of Syrian news written for these tests (not the seed articles): every place and
/// actor in it, and nothing in its second half, which is full of words that look like names
/// (الباب، السلمية، الكرامة، العمر، الطبقة، التل، الصور، الأسد …).
#[test]
fn general_news_of_our_own() {
    let text = include_str!("../data/news_ar.txt");
    let want: Vec<(String, String)> = include_str!("../data/news_ar.expected")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (s, id) = l.split_once('\t').unwrap();
            (s.to_string(), id.to_string())
        })
        .collect();
    assert_eq!(tag(text), want);
    let negatives = &text[text.find("قال الوزير").unwrap()..];
    assert_eq!(tag(negatives), Vec::<(String, String)>::new());
}
