//! Deterministic generator of Arabic news-style text for the benchmarks.
//!
//! Every sentence template, name list and phrase below was written for this project; nothing
//! is copied from real articles. The text imitates Syrian war reporting (strikes, clashes,
//! displacement, statements, negotiations, economy, humanitarian news) so that the normalizer,
//! the stemmers and the gazetteer see a realistic mix of words, clitics, digits, punctuation
//! and sparse names. The only mark in the templates is the tanween of adverbial accusatives
//! (اً, U+064B after alif), which news writes as a matter of course. See `README.md` next to
//! this file.

// Each bench file includes this module with `mod corpus;` and uses only some of its
// functions; the unused ones would otherwise raise dead-code warnings in that bench.
#![allow(dead_code)]

/// Plain Arabic news-style text of at least `min_bytes` bytes (whole sentences, paragraphs
/// separated by "\n\n").
///
/// The output depends only on `min_bytes` and is identical across runs and platforms; a longer
/// request yields a text that starts with the shorter one's paragraphs.
pub fn news(min_bytes: usize) -> String {
    let mut generator = Generator::new();
    let mut out = String::with_capacity(min_bytes + 2048);
    while out.len() < min_bytes {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        generator.paragraph(&mut out);
    }
    out
}

/// The same text with harakat (fatha, damma, kasra, sukun, shadda (sometimes followed by a
/// vowel), tanween) inserted after about `ratio` (e.g. 0.30) of the Arabic letters, and a
/// little tatweel (U+0640) inside some words; deterministic.
///
/// Tanween is only put on the last letter of a word and shadda never on the first; a mark
/// that falls on a bare alif (ا, ى, آ) moves to the next letter, so the share of marked
/// letters stays close to `ratio`.
pub fn diacritize(text: &str, ratio: f64) -> String {
    let mut rng = Rng::new(DIACRITIC_SEED);
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    // Marks drawn but not yet placed (a bare alif passes its mark on to the next letter).
    let mut pending = 0u32;
    let mut word_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if !is_arabic_letter(c) {
            word_start = true;
            continue;
        }
        let word_end = !chars.peek().is_some_and(|&n| is_arabic_letter(n));
        if rng.chance(ratio) {
            pending += 1;
        }
        if pending > 0 && !matches!(c, 'ا' | 'ى' | 'آ') {
            pending -= 1;
            push_mark(&mut rng, &mut out, word_start, word_end);
        }
        if !word_end && joins_next(c) && rng.chance(TATWEEL_RATIO) {
            out.push(TATWEEL);
        }
        word_start = false;
    }
    out
}

/// Whitespace-separated words of `news(min_bytes)` (for per-token stemmer benches).
pub fn words(min_bytes: usize) -> Vec<String> {
    news(min_bytes)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// The place and actor names the generator inserts (Arabic), for building a baseline matcher.
///
/// Places come first, then armed actors; every entry is unique. Some places are also common
/// words (الباب "the door", السلمية "peaceful", تدمر "destroys"), and the generator uses those
/// words in their common sense too.
pub fn names() -> Vec<&'static str> {
    PLACES.iter().chain(ACTORS).copied().collect()
}

const SEED: u64 = 0x5EED_DA11_2011_0315;
const DIACRITIC_SEED: u64 = 0xD1AC_2171_C5ED_0001;
/// Share of word-internal, left-joining letters followed by a tatweel.
const TATWEEL_RATIO: f64 = 0.01;
/// Share of bare place and actor slots filled with a generic noun phrase instead of a name
/// (keeps names sparse, about 2% of tokens).
const GENERIC_RATIO: f64 = 0.8;
/// The same for slots with a preposition or clitic, so that about a third of the inserted
/// names carry a glued proclitic.
const GENERIC_RATIO_ATTACHED: f64 = 0.55;

const TATWEEL: char = '\u{0640}';
const FATHA: char = '\u{064E}';
const DAMMA: char = '\u{064F}';
const KASRA: char = '\u{0650}';
const SUKUN: char = '\u{0652}';
const SHADDA: char = '\u{0651}';
const FATHATAN: char = '\u{064B}';
const DAMMATAN: char = '\u{064C}';
const KASRATAN: char = '\u{064D}';

/// SplitMix64: tiny, fast and good enough for picking words.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Index in `0..n`, skewed towards the start (the big cities and actors come first).
    fn skewed(&mut self, n: usize) -> usize {
        let u = self.unit();
        ((u * u * n as f64) as usize).min(n - 1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

/// Letters that connect to the following letter (a tatweel may follow them).
fn joins_next(c: char) -> bool {
    !matches!(
        c,
        'ء' | 'آ' | 'أ' | 'ؤ' | 'إ' | 'ا' | 'ة' | 'د' | 'ذ' | 'ر' | 'ز' | 'و' | 'ى'
    )
}

fn push_mark(rng: &mut Rng, out: &mut String, word_start: bool, word_end: bool) {
    let roll = rng.unit();
    if word_end && roll < 0.25 {
        out.push([FATHATAN, DAMMATAN, KASRATAN][rng.below(3)]);
    } else if !word_start && roll > 0.88 {
        out.push(SHADDA);
        if rng.chance(0.6) {
            out.push([FATHA, DAMMA, KASRA][rng.below(3)]);
        }
    } else if roll > 0.74 {
        out.push(SUKUN);
    } else {
        out.push([FATHA, FATHA, KASRA, DAMMA][rng.below(4)]);
    }
}

/// How a name slot attaches to the word before it.
#[derive(Clone, Copy)]
enum Attach {
    /// The name stands alone.
    Bare,
    /// "in": في + name, or ب glued to the name.
    In,
    /// "to": إلى + name, or ل glued to the name.
    To,
    /// ب glued to the name.
    By,
    /// ل glued to the name ("belonging to").
    Of,
    /// و glued to the name.
    And,
    /// ف glued to the name.
    So,
}

struct Generator {
    rng: Rng,
    last_place: usize,
    last_actor: usize,
    last_generic: &'static str,
}

impl Generator {
    fn new() -> Self {
        Generator {
            rng: Rng::new(SEED),
            last_place: usize::MAX,
            last_actor: usize::MAX,
            last_generic: "",
        }
    }

    fn paragraph(&mut self, out: &mut String) {
        if self.rng.chance(0.15) {
            let city = PLACES[self.rng.below(20)];
            let source = self.rng.pick(SOURCES);
            if self.rng.chance(0.5) {
                out.push_str(&format!("{city} – ({source}) – "));
            } else {
                out.push_str(&format!("{city} | {source}: "));
            }
        }
        let sentences = self.rng.range(2, 6);
        for i in 0..sentences {
            if i > 0 {
                out.push(' ');
            }
            if i > 0 && self.rng.chance(0.22) {
                out.push_str(self.rng.pick(OPENERS));
                out.push(' ');
            }
            let template = TEMPLATES[self.rng.below(TEMPLATES.len())];
            self.render(template, out);
        }
        if self.rng.chance(0.08) {
            out.push(' ');
            out.push_str(self.rng.pick(HASHTAGS));
            out.push(' ');
            self.hashtag(out);
        }
    }

    fn render(&mut self, template: &str, out: &mut String) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("unclosed slot");
            self.slot(&rest[open + 1..close], out);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
    }

    fn slot(&mut self, key: &str, out: &mut String) {
        let (attach, kind) = match key.len() {
            1 => (Attach::Bare, key),
            _ => {
                let attach = match &key[..1] {
                    "b" if key.ends_with('P') => Attach::In,
                    "b" => Attach::By,
                    "l" if key.ends_with('P') => Attach::To,
                    "l" => Attach::Of,
                    "w" => Attach::And,
                    "f" => Attach::So,
                    _ => Attach::Bare,
                };
                (attach, &key[1..])
            }
        };
        match kind {
            "P" => self.place(attach, true, out),
            "Q" => self.place(attach, false, out),
            "A" => self.actor(attach, out),
            "n" => {
                let n = self.rng.range(3, 10);
                self.number(n, out);
            }
            "N" => {
                let n = self.rng.range(11, 60);
                self.number(n, out);
            }
            "M" => self.big_number(out),
            "R" => self.percent(out),
            "D" => self.date(out),
            "Y" => {
                let y = self.rng.range(2011, 2024);
                self.number(y, out);
            }
            "T" => out.push_str(self.rng.pick(TIMES)),
            "F" => out.push_str(self.rng.pick(ATTRIBUTIONS)),
            "S" => out.push_str(self.rng.pick(SOURCES)),
            "K" => {
                let op = self.rng.pick(OPERATIONS);
                out.push_str(&format!("«{op}»"));
            }
            "H" => self.hashtag(out),
            other => panic!("unknown slot {{{other}}}"),
        }
    }

    fn place(&mut self, attach: Attach, allow_generic: bool, out: &mut String) {
        if allow_generic && self.generic_chance(attach) {
            let generic = self.generic(GENERIC_PLACES);
            self.attach_name(attach, generic, false, out);
            return;
        }
        let mut i = self.rng.skewed(PLACES.len());
        if i == self.last_place {
            i = self.rng.below(PLACES.len());
        }
        self.last_place = i;
        let quoted = self.rng.chance(0.03);
        self.attach_name(attach, PLACES[i], quoted, out);
    }

    fn actor(&mut self, attach: Attach, out: &mut String) {
        if self.generic_chance(attach) {
            let generic = self.generic(GENERIC_ACTORS);
            self.attach_name(attach, generic, false, out);
            return;
        }
        let mut i = self.rng.skewed(ACTORS.len());
        if i == self.last_actor {
            i = self.rng.below(ACTORS.len());
        }
        self.last_actor = i;
        let name = ACTORS[i];
        let quoted = self.rng.chance(0.10);
        self.attach_name(attach, name, quoted, out);
        let short = ABBREVIATIONS
            .iter()
            .find(|(full, _)| *full == name)
            .map(|&(_, short)| short);
        if let Some(short) = short.filter(|_| self.rng.chance(0.3)) {
            out.push_str(&format!(" ({short})"));
        }
    }

    fn generic_chance(&mut self, attach: Attach) -> bool {
        let ratio = match attach {
            Attach::Bare => GENERIC_RATIO,
            _ => GENERIC_RATIO_ATTACHED,
        };
        self.rng.chance(ratio)
    }

    /// A generic noun phrase, not the same as the previous one.
    fn generic(&mut self, items: &[&'static str]) -> &'static str {
        let mut phrase = self.rng.pick(items);
        if phrase == self.last_generic {
            phrase = self.rng.pick(items);
        }
        self.last_generic = phrase;
        phrase
    }

    /// Writes `name` after its preposition or glued proclitic, maybe in «…» or “…”.
    fn attach_name(&mut self, attach: Attach, name: &str, quoted: bool, out: &mut String) {
        let clitic = match attach {
            Attach::Bare => "",
            Attach::In if self.rng.chance(0.55) => "ب",
            Attach::In => {
                out.push_str("في ");
                ""
            }
            Attach::To if self.rng.chance(0.4) => "ل",
            Attach::To => {
                out.push_str("إلى ");
                ""
            }
            Attach::By => "ب",
            Attach::Of => "ل",
            Attach::And => "و",
            Attach::So => "ف",
        };
        let (open, close) = match (quoted, self.rng.chance(0.6)) {
            (false, _) => ("", ""),
            (true, true) => ("«", "»"),
            (true, false) => ("“", "”"),
        };
        let tatweel_ok = matches!(clitic, "ب" | "ل");
        if tatweel_ok && (quoted || (!name.starts_with("ال") && self.rng.chance(0.05))) {
            // Writers often separate a clitic from a name with a tatweel: بـ«داعش»، لـقسد.
            out.push_str(clitic);
            out.push(TATWEEL);
            out.push_str(open);
            out.push_str(name);
        } else if clitic == "ل" && name.starts_with("ال") {
            // ل + ال → لل (للحسكة، للجيش).
            out.push_str("لل");
            out.push_str(&name["ال".len()..]);
        } else {
            out.push_str(clitic);
            out.push_str(open);
            out.push_str(name);
        }
        out.push_str(close);
    }

    /// Western or Arabic-Indic digits, with a thousands separator when `n` is large.
    fn number(&mut self, n: u64, out: &mut String) {
        let indic = self.rng.chance(0.4);
        let group = n >= 10_000 && self.rng.chance(0.5);
        let digits = n.to_string();
        // Digits left before the next thousands separator.
        let mut until_separator = (digits.len() - 1) % 3 + 1;
        for d in digits.bytes() {
            if until_separator == 0 {
                if group {
                    out.push(if indic { '٬' } else { ',' });
                }
                until_separator = 3;
            }
            until_separator -= 1;
            let d = u32::from(d - b'0');
            let base = if indic { 0x0660 } else { u32::from('0') };
            out.push(char::from_u32(base + d).unwrap_or('0'));
        }
    }

    fn big_number(&mut self, out: &mut String) {
        let n = match self.rng.below(4) {
            0 => self.rng.range(100, 999),
            1 => self.rng.range(10, 99) * 100,
            2 => self.rng.range(1_000, 99_999),
            _ => {
                let n = self.rng.range(2, 900);
                self.number(n, out);
                out.push_str(if self.rng.chance(0.7) {
                    " ألف"
                } else {
                    " مليون"
                });
                return;
            }
        };
        self.number(n, out);
    }

    fn percent(&mut self, out: &mut String) {
        let n = self.rng.range(5, 95);
        match self.rng.below(3) {
            0 => {
                self.number(n, out);
                out.push_str(" في المئة");
            }
            1 => {
                self.number(n, out);
                out.push('%');
            }
            _ => {
                out.push_str("نحو ");
                self.number(n, out);
                out.push('٪');
            }
        }
    }

    fn date(&mut self, out: &mut String) {
        let day = self.rng.range(1, 28);
        let month = self.rng.below(12);
        match self.rng.below(4) {
            0 => {
                self.number(day, out);
                out.push(' ');
                out.push_str(MONTHS_LEVANT[month]);
            }
            1 => {
                self.number(day, out);
                out.push(' ');
                out.push_str(MONTHS_INTL[month]);
            }
            2 => {
                self.number(day, out);
                out.push_str(&format!(" {}/{}", MONTHS_LEVANT[month], MONTHS_INTL[month]));
            }
            _ => {
                out.push_str("الـ");
                self.number(day, out);
                out.push_str(" من ");
                out.push_str(MONTHS_LEVANT[month]);
            }
        }
        if self.rng.chance(0.5) {
            out.push(' ');
            let year = self.rng.range(2011, 2024);
            self.number(year, out);
        }
    }

    fn hashtag(&mut self, out: &mut String) {
        let place = PLACES[self.rng.skewed(PLACES.len())];
        out.push('#');
        out.push_str(&place.replace(' ', "_"));
    }
}

/// Sentence templates. Slots: `{P}` place (sometimes a generic noun phrase instead),
/// `{Q}` place (always a name), `{A}` armed actor, each optionally prefixed by
/// `b` (في/ب), `l` (إلى/ل), `w` (و) or `f` (ف); `{n}` 3–10, `{N}` 11–60, `{M}` large number,
/// `{R}` percentage, `{D}` date, `{Y}` year, `{T}` time of day, `{F}` attribution,
/// `{S}` news agency, `{K}` operation name, `{H}` hashtag.
const TEMPLATES: &[&str] = &[
    // Strikes and shelling.
    "شنت طائرات حربية غارات جوية على أطراف {P} {wP} {T}، ما أدى إلى مقتل {n} مدنيين بينهم أطفال ونساء، {F}.",
    "استهدفت {A} بقذائف المدفعية الثقيلة أحياء سكنية {bP}، وأسفر القصف عن أضرار مادية كبيرة في الممتلكات العامة والخاصة.",
    "قصفت طائرة مسيرة مجهولة الهوية سيارة مدنية على الطريق الواصل بين {P} {wP}، دون ورود معلومات عن هوية ركابها.",
    "أعلنت {A} أنها دمرت منصة لإطلاق الصواريخ قرب {Q}، ونشرت مقطعاً مصوراً قالت إنه يوثق عملية الاستهداف.",
    "سقطت عدة قذائف صاروخية على وسط {Q}، مصدرها مناطق سيطرة {A}، ما تسبب بحالة من الذعر بين الأهالي.",
    "تعرضت قرى وبلدات {bP} {wP} لقصف مدفعي وصاروخي مكثف منذ ساعات الصباح الأولى، في تصعيد هو الأعنف منذ أسابيع.",
    "قال الدفاع المدني إن فرقه انتشلت جثث {n} أشخاص من تحت الأنقاض بعد غارة استهدفت سوقاً شعبية {bP}.",
    "أفادت مصادر طبية بأن حصيلة القتلى ارتفعت إلى {N} شخصاً، فيما لا يزال عدد من الجرحى في حالة حرجة.",
    "ألقت مروحيات تابعة {lA} براميل متفجرة على بلدة {P}، ما أدى إلى دمار واسع في البنية التحتية.",
    "نفذ {A} ضربة جوية استهدفت مستودعاً للأسلحة والذخائر {bP}، وسمع دوي انفجارات متتالية في أرجاء المنطقة.",
    "تتعرض المدارس والمستشفيات {bP} لاستهداف متكرر، الأمر الذي دفع منظمات دولية إلى التحذير من كارثة إنسانية.",
    "قتل {n} عناصر من {A} جراء انفجار عبوة ناسفة زرعت على جانب الطريق قرب {Q}.",
    "انفجرت سيارة مفخخة عند مدخل {Q} الشمالي، وأسفر الانفجار عن سقوط قتلى وجرحى معظمهم من المدنيين، {F}.",
    "أغارت طائرات يعتقد أنها تابعة {lA} على مواقع عسكرية في محيط مطار {Q}، وفق ما أفادت به مصادر متطابقة.",
    "ردت المدفعية التركية على مصادر النيران باستهداف مواقع {lA} في ريف {Q} الشمالي.",
    "استهدفت مسيرة انتحارية اجتماعاً لقياديين من {A} في مزرعة على أطراف {P}، ولم ترد أنباء عن حصيلة الضربة.",
    "قالت وزارة الدفاع إن الدفاعات الجوية تصدت لعدوان صاروخي استهدف محيط {P}، وأسقطت معظم الصواريخ قبل وصولها إلى أهدافها.",
    "الغارات تدمر ما تبقى من منازل المدنيين، والسكان لا يجدون مكاناً آمناً يلجؤون إليه.",
    "أحصى ناشطون أكثر من {M} غارة جوية على المنطقة خلال الشهر الماضي وحده، وهو رقم غير مسبوق منذ بداية العام.",
    "استخدمت في القصف صواريخ ذات المدى القصير وقذائف هاون، ما ضاعف أعداد الضحايا في صفوف المدنيين.",
    "تدمر الضربات المتلاحقة شبكات المياه والكهرباء، وتترك آلاف العائلات دون خدمات أساسية.",
    "هزت انفجارات عنيفة {Q} {T}، تبين لاحقاً أنها ناجمة عن استهداف مستودعات ذخيرة تابعة {lA}.",
    "تبنت {A} الهجوم في بيان نشرته عبر معرفاتها الرسمية، متوعدة بمزيد من العمليات.",
    "قتل راع وأصيب آخر بانفجار لغم أرضي في المزرعة التي يعمل بها، وهي حادثة تتكرر مع موسم الرعي.",
    "لم تسلم المساجد والكنائس من القصف، إذ تضررت مئذنة الجامع الكبير وجدران الكنيسة القديمة.",
    // Clashes.
    "اندلعت اشتباكات عنيفة بين {A} {wA} على محاور {Q}، استخدمت فيها الأسلحة الثقيلة والمتوسطة.",
    "تمكنت {A} من التقدم والسيطرة على عدة نقاط {bP} بعد معارك استمرت لساعات، {F}.",
    "أحبطت {A} محاولة تسلل نفذتها مجموعة مسلحة {bP}، وقتلت عدداً من عناصرها.",
    "تدور معارك كر وفر على خطوط التماس في ريف {Q}، وسط تبادل للاتهامات بخرق اتفاق وقف إطلاق النار.",
    "أرسلت {A} تعزيزات عسكرية ضخمة تضم دبابات وعربات مدرعة {lP}، في خطوة تشير إلى عملية وشيكة.",
    "انسحب مقاتلو {A} من مواقعهم في محيط {P} تحت وطأة القصف المكثف، بحسب ما أكدته مصادر ميدانية.",
    "قتل قيادي بارز في {A} خلال مواجهات مع {A} قرب {Q}، ونعته حسابات مقربة من الفصيل.",
    "شنت {A} هجوماً معاكساً لاستعادة المواقع التي خسرتها الأسبوع الماضي، غير أن الهجوم لم يحقق أهدافه.",
    "أعلنت {A} مقتل {N} من عناصر {A} وأسر آخرين خلال المعارك الدائرة {bP}.",
    "سيطرت {A} على التلال الاستراتيجية المطلة على الطريق الدولي، ما يمنحها أفضلية نارية على المنطقة.",
    "تشهد جبهات {Q} هدوءاً حذراً بعد أيام من المواجهات الدامية التي خلفت عشرات القتلى من الطرفين.",
    "استقدمت {A} مقاتلين من خارج المنطقة لتعزيز خطوطها الدفاعية حول {P} {wP}.",
    "قال المتحدث باسم {A} إن قواته صدت هجوماً واسعاً وكبدت المهاجمين خسائر فادحة في العتاد والأرواح.",
    "وقعت اشتباكات متقطعة داخل الأحياء الشرقية للمدينة، وأغلقت المحال التجارية أبوابها خشية تطور الأوضاع.",
    "شهدت {Q} توتراً أمنياً إثر اغتيال مسؤول محلي برصاص مسلحين مجهولين كانوا يستقلون دراجة نارية.",
    "نصبت مجموعة تابعة {lA} كميناً لرتل عسكري على طريق {Q} – {Q}، ما أسفر عن تدمير آليتين.",
    "تواصلت عمليات التمشيط في البادية بحثاً عن خلايا تابعة {lA}، وسط مخاوف من عودة نشاطها.",
    "أطلقت {A} عملية عسكرية واسعة أطلقت عليها اسم {K}، وقالت إن هدفها تأمين الحدود وإبعاد الخطر عن المدنيين.",
    "تبادلت {A} {wA} القصف المدفعي على خطوط الجبهة، دون أن تسجل تغييرات في خريطة السيطرة.",
    "اغتال مسلحون مجهولون عنصرين من {A} في ريف {Q} الغربي، في حادثة هي الثالثة من نوعها هذا الشهر.",
    "أكدت مصادر عسكرية أن المعارك تركزت في محيط {P}، حيث تحاول القوات المهاجمة قطع خطوط الإمداد.",
    "فرضت {A} حظراً للتجوال {bP} عقب الهجوم، وأقامت حواجز على مداخل المدينة ومخارجها.",
    "تعرض رتل تابع {lA} لهجوم بالصواريخ الموجهة على الطريق المؤدي {lP}.",
    "أكد القادة العسكريون أن الكلمة الأخيرة ستكون في الميدان لا على طاولة المفاوضات.",
    "وقف التل المطل على القرية شاهداً على معارك السنوات الماضية، ولا تزال الخنادق محفورة على سفوحه.",
    "جند الفصيل شباناً في مقتبل العمر، بعضهم لم يتجاوز السادسة عشرة، وفق شهادات جمعتها منظمات حقوقية.",
    "أفرجت {A} عن {N} محتجزاً في إطار صفقة تبادل جرت بوساطة وجهاء من العشائر {bP}.",
    "داهمت دورية {lA} منازل عدة {bP} واعتقلت شباناً بتهمة التعامل مع جهات معادية.",
    "أفادت شبكة محلية بأن {A} استقدمت منظومات دفاع جوي إلى قاعدة عسكرية قرب {Q} خلال الأسبوع الماضي.",
    "اتهم ناشطون عناصر مرتبطة {bA} بالوقوف وراء عمليات الخطف الأخيرة {bP}.",
    "التحق عشرات الشبان {bA} خلال الأشهر الماضية هرباً من الفقر والبطالة، {F}.",
    "نددت منظمات حقوقية بالانتهاكات المنسوبة {lA} {bP}، وطالبت بمحاسبة المسؤولين عنها.",
    "ألحقت المعارك الأخيرة خسائر كبيرة {bA} {wA}، وفق تقديرات مراقبين عسكريين.",
    "سلمت {A} المعبر {lA} بعد مفاوضات استمرت أياماً، ونشرت نقاط مراقبة مشتركة {bP} {wP}.",
    // Displacement and humanitarian news.
    "نزحت مئات العائلات من {P} {wP} باتجاه المخيمات الحدودية هرباً من القصف، {F}.",
    "قالت الأمم المتحدة إن أكثر من {M} شخص نزحوا من ديارهم خلال الأسبوعين الماضيين، معظمهم من النساء والأطفال.",
    "يعاني النازحون في المخيمات المنتشرة {bP} من نقص حاد في مياه الشرب والمواد الغذائية والأدوية، مع اقتراب فصل الشتاء.",
    "وصلت قافلة مساعدات أممية تضم {N} شاحنة {lP} عبر الحدود الشمالية، في أول دخول منذ أشهر.",
    "حذرت منظمة الصحة العالمية من انتشار الكوليرا {bP} بسبب تلوث مصادر المياه وتدهور شبكات الصرف الصحي.",
    "عادت نحو {M} عائلة إلى منازلها {bP} بعد توقف المعارك، لتجد معظم البيوت مدمرة أو منهوبة.",
    "دعت منظمة اليونيسف (UNICEF) إلى حماية الأطفال وضمان وصولهم إلى التعليم، مشيرة إلى أن {R} من المدارس خارج الخدمة.",
    "يعيش في المخيم أكثر من {M} شخص، بينهم آلاف الأطفال من جنسيات مختلفة، في ظروف توصف بالمأساوية.",
    "أطلق ناشطون حملة تبرعات لدعم المتضررين {bP}، وجمعت الحملة مبالغ تجاوزت {M} دولار خلال أيام.",
    "أعلن برنامج الأغذية العالمي (WFP) تقليص حجم المساعدات الغذائية بسبب نقص التمويل، ما يهدد ملايين السوريين بالجوع.",
    "تفتقر المستشفيات الميدانية {bP} إلى الكوادر الطبية والأجهزة اللازمة لإجراء العمليات الجراحية.",
    "قالت مفوضية اللاجئين (UNHCR) إن عدد العائدين من دول الجوار ما زال محدوداً بسبب غياب الضمانات الأمنية.",
    "فتح الباب أمام عودة النازحين بعد إزالة الألغام من الطرقات الرئيسية، إلا أن كثيرين ما زالوا مترددين.",
    "يطرق الأهالي كل باب بحثاً عن مساعدة، لكن الاستجابة الإنسانية لا تغطي سوى جزء يسير من الاحتياجات.",
    "تعمل فرق الدفاع المدني على فتح الطرق المغلقة بالثلوج في المرتفعات، وإيصال مواد التدفئة إلى القرى المعزولة.",
    "سجلت منظمات محلية {N} حالة وفاة بين الأطفال الرضع بسبب البرد القارس ونقص الرعاية الصحية.",
    "وزع المجلس المحلي لمدينة {Q} سلالاً غذائية على {N} عائلة من الأسر الأشد فقراً.",
    "أدى الزلزال المدمر إلى انهيار مئات الأبنية {bP}، وما زالت آثار الكارثة ماثلة في الأحياء القديمة.",
    "تقف الأمهات ساعات طويلة أمام الباب الحديدي للمستوصف الوحيد في البلدة للحصول على اللقاحات.",
    "وقف الناجون مذهولين من الهول الذي شاهدوه بعد الانفجار، وراحوا يبحثون عن ذويهم بين الركام.",
    "يعتمد {R} من السكان على المساعدات الإنسانية لتأمين احتياجاتهم اليومية، وفق أحدث تقديرات الأمم المتحدة.",
    "فر السكان من منازلهم حاملين ما استطاعوا من أمتعة، وتوجهوا {lP} سيراً على الأقدام.",
    "أقام الأهالي مخيماً عشوائياً على أطراف {P}، يفتقر إلى أدنى مقومات الحياة.",
    "يدرس الطلاب في خيام مؤقتة لا تقيهم برد الشتاء ولا حر الصيف، بعد تدمير مدرستهم.",
    "لم تتمكن الفرق الفنية من إصلاح خط التوتر العالي المغذي لمحطة ضخ المياه الرئيسية، بسبب استمرار الاشتباكات في محيطها.",
    "تحولت الحارة القديمة إلى ركام بعد القصف، ولم يبق من معالمها سوى المئذنة وبعض الأقواس الحجرية.",
    "افتتحت المدرسة أبوابها من جديد بعد ترميمها بتمويل من منظمة دولية، وعاد إليها {M} تلميذ.",
    "من المقرر أن تبدأ الحملة الوطنية للتلقيح ضد شلل الأطفال في {D}، وتستمر لمدة {n} أيام.",
    "أحيا ناشطون الذكرى السنوية لمجزرة {Q} التي وقعت في {D}، وراح ضحيتها العشرات.",
    // Statements, politics and negotiations.
    "قال مسؤول في {A} لوكالة {S} إن المفاوضات مع {A} وصلت إلى طريق مسدود.",
    "أكد المبعوث الأممي الخاص إلى سوريا أن الحل السياسي القائم على القرار 2254 هو السبيل الوحيد لإنهاء النزاع.",
    "نفت {A} في بيان رسمي صحة الأنباء المتداولة عن انسحابها من {P} {wP}، ووصفتها بأنها «مفبركة ولا أساس لها من الصحة».",
    "اتهمت {A} {A} بخرق الهدنة واستهداف المدنيين، فيما لم يصدر أي تعليق من الطرف الآخر.",
    "توصلت {A} {wA} إلى اتفاق برعاية روسية يقضي بوقف إطلاق النار وتبادل الأسرى والجثث.",
    "عقدت وفود من {A} {wA} اجتماعاً مغلقاً {bP} لبحث ترتيبات أمنية جديدة في المنطقة، {F}.",
    "شدد البيان الختامي لاجتماعات أستانا على ضرورة الحفاظ على وحدة الأراضي السورية وسيادتها.",
    "طالب المحتجون بالإفراج عن المعتقلين وكشف مصير المغيبين قسراً، مؤكدين تمسكهم بالطرق السلمية في التعبير.",
    "خرجت مظاهرات سلمية {bP} تندد بالغلاء وتردي الأوضاع المعيشية، ورفع المشاركون لافتات تطالب بالتغيير.",
    "أكدت اللجنة المنظمة على السلمية التامة للاحتجاجات، ورفضت أي محاولة لجرها إلى العنف.",
    "قال الناطق باسم {A} إن «الباب ما زال مفتوحاً أمام الحوار»، لكنه اشترط وقف الهجمات أولاً.",
    "أغلقت الحكومة الباب أمام أي تسوية لا تتضمن عودة مؤسسات الدولة إلى المنطقة.",
    "زار وفد عسكري روسي {Q} والتقى وجهاء العشائر لبحث الأوضاع الأمنية وملف المطلوبين.",
    "قالت السفيرة الأمريكية لدى الأمم المتحدة إن بلادها لن تدعم إعادة الإعمار قبل تحقيق انتقال سياسي حقيقي.",
    "هدد الرئيس التركي بشن عملية عسكرية جديدة ضد {A} في حال لم تنسحب من الشريط الحدودي.",
    "أعلنت {A} تشكيل مجلس مدني لإدارة شؤون {Q}، يضم ممثلين عن المكونات العربية والكردية والسريانية.",
    "أصدرت محكمة ميدانية أحكاماً بالإعدام بحق {n} متهمين، في محاكمة وصفتها منظمات حقوقية بأنها تفتقر لأدنى معايير العدالة.",
    "عبر وجهاء {Q} عن رفضهم للتجنيد الإجباري الذي تفرضه {A}، وطالبوا بإطلاق سراح الشبان المحتجزين.",
    "تشير التقديرات إلى أن جولة المفاوضات المقبلة ستعقد في {D}، وسط تشاؤم من إمكانية تحقيق أي اختراق.",
    "صرح قيادي في {A} بأن التحضيرات جارية لعقد مؤتمر وطني شامل في {D}.",
    "يرى محللون أن التقارب بين أنقرة ودمشق قد يعيد رسم خريطة التحالفات في الشمال السوري.",
    "وقع الجانبان مذكرة تفاهم تنص على تسليم النقاط الحدودية {lA} خلال مهلة لا تتجاوز {N} يوماً.",
    "وصف بيان صادر عن {A} ما جرى بأنه «جريمة حرب مكتملة الأركان»، مطالباً بتحقيق دولي مستقل.",
    "رددت الحشود نشيد «حماة الديار» في الساحة الرئيسية احتفالاً بالذكرى، وسط انتشار أمني كثيف.",
    "هل تنجح الوساطة الجديدة في نزع فتيل التوتر بين {A} {wA}؟ سؤال يطرحه كثيرون في الشارع.",
    "أي مستقبل ينتظر أهالي {Q} بعد سنوات من الحرب والحصار؟",
    "اعتبرت هيئة التفاوض المعارضة أن الحديث عن إعادة اللاجئين في ظل الظروف الراهنة «سابق لأوانه».",
    "قال الطرف الراعي للاتفاق إن لجان المراقبة ستباشر عملها فور انسحاب المقاتلين من الخطوط الأمامية.",
    "قالت ناشطة حقوقية إن ما يجري يجب أن يوقظ الضمير العالمي قبل فوات الأوان.",
    "أكد الوسطاء أن النية الطيبة متوفرة لدى الطرفين، وأن العقدة تكمن في التفاصيل.",
    "يحتاج الملف إلى قدر كبير من البصيرة والحكمة لتجنب انفجار الأوضاع من جديد.",
    "تحدث المشاركون في الندوة عن الكرامة الإنسانية وحق السوريين في العيش بأمان.",
    "عقدت القيادة المركزية لحزب البعث اجتماعاً لبحث ترتيبات المرحلة المقبلة.",
    "أعاد الحراك الشعبي في الجنوب طرح أسئلة قديمة حول العلاقة بين المركز والأطراف.",
    "في {D} أعلنت {A} سيطرتها الكاملة على {P} {wP} بعد معارك استمرت أسابيع.",
    "تعود بداية الأزمة في المنطقة إلى {D}، حين انسحبت القوات الحكومية وسلمت مواقعها {lA}.",
    "كيف يمكن إعادة بناء الثقة بين المكونات المحلية بعد كل ما جرى؟ هذا ما يحاول المؤتمر الإجابة عنه.",
    "لم تعد هذه الفصائل قادرة على الصمود طويلاً؛ {fA} تسيطر اليوم على معظم الطرق المؤدية إلى المنطقة.",
    "أجرت وكالة {S} مقابلة مع قائد ميداني في {A} تحدث فيها عن خطط المرحلة المقبلة.",
    // Economy.
    "سجل سعر صرف الليرة السورية انخفاضاً جديداً أمام الدولار الأمريكي، إذ بلغ {M} ليرة للدولار الواحد في السوق الموازية.",
    "ارتفعت أسعار المواد الغذائية الأساسية بنسبة {R} خلال شهر واحد، ما أثقل كاهل الأسر محدودة الدخل.",
    "تشهد محطات الوقود {bP} طوابير طويلة بسبب شح المحروقات وتأخر وصول الشحنات.",
    "قررت الحكومة رفع سعر ربطة الخبز المدعوم إلى {M} ليرة، في خطوة قوبلت بانتقادات واسعة.",
    "تسيطر {A} على معظم حقول النفط والغاز شرق النهر، وتبيع جزءاً من الإنتاج عبر وسطاء محليين.",
    "أعلنت وزارة الكهرباء زيادة ساعات التقنين في معظم المحافظات، لتصل إلى {N} ساعة أسبوعياً في بعض المناطق.",
    "يعتمد كثير من العائلات على الحوالات المالية القادمة من الخارج لتأمين الحد الأدنى من مستلزمات المعيشة.",
    "تراجعت القدرة الشرائية للمواطنين بشكل حاد، وباتت الطبقة الوسطى شبه معدومة بعد سنوات من التضخم.",
    "أغلقت عشرات الورش والمعامل الصغيرة {bP} أبوابها بسبب ارتفاع تكاليف الإنتاج وانقطاع الكهرباء.",
    "قدر تقرير للبنك الدولي خسائر الاقتصاد السوري بأكثر من {M} مليار دولار منذ بداية الحرب.",
    "افتتحت غرفة تجارة {Q} معرضاً للمنتجات المحلية بمشاركة {N} شركة، في محاولة لتنشيط الحركة التجارية.",
    "يشكو المزارعون {bP} من ارتفاع أسعار الأسمدة والبذور، وغياب الدعم الحكومي للموسم الزراعي.",
    "تضرر محصول القمح هذا العام بسبب موجة الجفاف، وقدرت الخسائر بنحو {R} من الإنتاج المعتاد.",
    "فرضت {A} رسوماً جمركية جديدة على البضائع الواردة عبر المعابر الداخلية، ما أدى إلى ارتفاع الأسعار.",
    "تعتزم الحكومة طرح أوراق نقدية من فئة {M} ليرة، وسط مخاوف من موجة تضخم جديدة.",
    "انتعشت تجارة الألبسة المستعملة مع اقتراب الشتاء، إذ تلجأ العائلات إليها لتأمين الكسوة الشتوية لأطفالها.",
    "تحتاج البنية التحتية المدمرة {bP} إلى استثمارات ضخمة لإعادة تأهيل شبكات المياه والكهرباء والطرق.",
    "ارتفع سعر غرام الذهب عيار 21 إلى مستوى قياسي جديد، متأثراً بتراجع سعر صرف الليرة.",
    "تشهد أسواق الماشية {bP} ركوداً ملحوظاً، بعد أن ارتفعت أسعار الأعلاف إلى مستويات غير مسبوقة.",
    "لا يزال الحاضر قاتماً بالنسبة إلى معظم السكان، في حين يبدو المستقبل مرهوناً بالتسوية السياسية.",
    "كشفت الصور ومقاطع الفيديو المتداولة حجم الدمار الذي لحق بالأسواق القديمة والمحال التجارية.",
    "أما الأوضاع في المدن الكبرى فلا تختلف كثيراً، {fP} تعيش على وقع انقطاع الكهرباء وشح الوقود.",
    "منذ عام {Y}، تعيش {Q} على وقع الحصار والقصف المتقطع، ولم تعرف الاستقرار إلا لفترات قصيرة.",
    "بلغت نسبة البطالة بين الشباب {R} وفق تقديرات غير رسمية، ويفكر كثير منهم في الهجرة.",
    "أعلنت {A} عن مشروع لإعادة تأهيل الطريق الواصل {lP}، بتمويل من جهات مانحة لم تكشف عنها.",
    // Society, culture and media.
    "تخرج في جامعة {Q} هذا العام {M} طالب وطالبة، رغم الظروف الصعبة التي تمر بها البلاد.",
    "احتفل الأهالي بعيد الجلاء في ساحات المدينة، ورفعوا الأعلام والشعارات الوطنية.",
    "ألقى الشاعر قصيدة عن الغربة والحنين إلى الوطن خلال أمسية ثقافية أقيمت في المركز الثقافي.",
    "جلس المزارع في ظل الشجرة العتيقة يروي كيف تغيرت القرية خلال سنوات الحرب.",
    "سجل المنتخب السوري هدف الفوز في الدقائق الأخيرة من المباراة، وعمت الاحتفالات الميادين والشوارع.",
    "عاد الدوري المحلي لكرة القدم بعد توقف دام أشهراً، وسط حضور جماهيري محدود.",
    "أعلنت مديرية التربية {bP} تأجيل الامتحانات النهائية بسبب الأوضاع الأمنية.",
    "أطلق ناشطون وسم {H} على مواقع التواصل الاجتماعي للتضامن مع أهالي {Q}.",
    "تداول رواد مواقع التواصل مقطعاً مصوراً يظهر لحظة سقوط الصاروخ على منزل سكني، وأرفقوه بوسم {H}.",
    "نشرت قناة BBC تحقيقاً استقصائياً حول شبكات تهريب البشر عبر الحدود الشمالية.",
    "أكد مصدر في مطار دمشق الدولي استئناف الرحلات بعد توقف دام {n} ساعات.",
    "نشرت صحيفة واشنطن بوست تقريراً عن الأوضاع في السجون، استند إلى شهادات معتقلين سابقين.",
];

/// Syrian places: governorates and cities first (picked most often), then towns, villages,
/// neighbourhoods, fields, camps, crossings and regions.
#[rustfmt::skip]
const PLACES: &[&str] = &[
    // Governorate centres and big cities.
    "دمشق", "حلب", "حمص", "حماة", "إدلب", "دير الزور", "الرقة", "الحسكة", "القامشلي",
    "اللاذقية", "طرطوس", "درعا", "السويداء", "القنيطرة", "منبج", "عفرين", "الباب", "تل أبيض",
    "رأس العين", "البوكمال", "الميادين", "سراقب", "معرة النعمان", "خان شيخون", "دوما", "تدمر",
    "السخنة", "التنف", "عين العرب", "كوباني", "جرابلس", "أعزاز", "الطبقة", "عين عيسى",
    "الشدادي", "تل تمر", "الهول", "الباغوز", "السلمية", "جسر الشغور", "أريحا",
    // Deir ez-Zor and Raqqa.
    "هجين", "الشعفة", "السوسة", "العشارة", "الصالحية", "الكسرة", "البصيرة", "ذيبان", "الشحيل",
    "الطيانة", "أبو حمام", "غرانيج", "الكشكية", "البحرة", "موحسن", "البوليل", "المريعية",
    "حطلة", "خشام", "مراط", "الصور", "التبني", "معدان", "السبخة", "الجرنية", "المنصورة",
    "الكرامة", "الرصافة", "سلوك", "حزيمة", "دبسي عفنان", "الجلاء", "السيال", "الجنينة",
    "الخريطة", "الحوايج", "الطكيحي", "جديد عكيدات", "حقل العمر", "حقل كونيكو",
    // Hasakah.
    "المالكية", "القحطانية", "عامودا", "الدرباسية", "اليعربية", "مركدة", "تل براك", "الجوادية",
    "تل حميس", "أبو راسين", "مخيم روج",
    // Aleppo.
    "السفيرة", "دير حافر", "مسكنة", "الأتارب", "دارة عزة", "خان العسل", "نبل", "الزهراء",
    "تادف", "قباسين", "الراعي", "أخترين", "صوران", "جنديرس", "راجو", "شيخ الحديد", "بلبل",
    "المعبطلي", "الشيخ مقصود", "الأشرفية", "حريتان", "عندان", "حيان", "الزربة", "خان طومان",
    "العيس", "الحاضر", "تل رفعت", "مارع", "كويرس", "النيرب", "منغ", "الشهباء", "تل جبين",
    "السكري", "صلاح الدين", "الحمدانية", "بستان القصر", "الكلاسة", "الشعار", "مساكن هنانو",
    "الراموسة", "الليرمون", "كفر حمرة",
    // Idlib.
    "سرمدا", "الدانا", "حارم", "سلقين", "كفرنبل", "كفر تخاريم", "بنش", "تفتناز", "معرة مصرين",
    "أطمة", "باب الهوى", "كفرلوسين", "جبل الزاوية", "البارة", "كنصفرة", "احسم", "كفرومة",
    "حاس", "التمانعة", "سنجار", "أبو الظهور", "آفس", "سرجة", "مرعيان", "الفوعة", "كفريا",
    "قاح", "دير حسان", "دركوش", "اليعقوبية", "معرشورين", "تلمنس", "حيش", "كفرسجنة", "ترملا",
    "الغدفة", "معرتحرمة",
    // Hama.
    "محردة", "السقيلبية", "مصياف", "كفرزيتا", "اللطامنة", "مورك", "طيبة الإمام", "حلفايا",
    "قلعة المضيق", "الحماميات", "كرناز", "سهل الغاب", "خطاب", "صبورة", "عقيربات", "الحمرا",
    "تل ملح", "معردس", "كفرنبودة", "الجلمة",
    // Homs.
    "القصير", "الرستن", "تلبيسة", "تلكلخ", "القريتين", "الفرقلس", "حسياء", "شنشار", "الحولة",
    "تلدو", "كفرلاها", "المخرم", "الوعر", "بابا عمرو", "الخالدية", "جورة الشياح", "الزارة",
    "جب الجراح", "مهين", "صدد", "الشاعر", "التيفور", "آراك", "الركبان", "الدار الكبيرة",
    "الغنطو", "دير بعلبة", "كرم الزيتون", "الإنشاءات",
    // Damascus and its countryside.
    "حرستا", "عربين", "زملكا", "جوبر", "داريا", "المعضمية", "الزبداني", "مضايا", "بقين",
    "التل", "قدسيا", "الهامة", "يبرود", "النبك", "قارة", "دير عطية", "رنكوس", "جيرود",
    "الضمير", "الرحيبة", "القطيفة", "عدرا", "سقبا", "كفربطنا", "حمورية", "عين ترما", "المليحة",
    "جرمانا", "صحنايا", "الكسوة", "ببيلا", "يلدا", "بيت سحم", "مخيم اليرموك", "الحجر الأسود",
    "القدم", "القابون", "برزة", "المزة", "كفرسوسة", "ركن الدين", "باب توما", "الميدان",
    "السيدة زينب", "الغوطة الشرقية", "الغوطة الغربية", "القلمون", "وادي بردى", "عين الفيجة",
    "قطنا", "بيت جن", "خان الشيح", "زاكية", "الديماس", "الصبورة", "معلولا", "صيدنايا",
    "دير العصافير", "النشابية", "ريف دمشق",
    // Daraa.
    "بصرى الشام", "نوى", "طفس", "الصنمين", "إنخل", "جاسم", "الحراك", "داعل", "إزرع",
    "الشيخ مسكين", "المزيريب", "تل شهاب", "اليادودة", "الجيزة", "الكرك الشرقي", "نصيب",
    "درعا البلد", "طريق السد", "الطيبة", "صيدا", "خربة غزالة", "الحارة", "جلين", "سحم الجولان",
    "عدوان", "تسيل", "الشجرة", "حيط", "بصر الحرير", "المسيفرة", "محجة", "عتمان",
    // Suwayda and Quneitra.
    "شهبا", "صلخد", "القريا", "عريقة", "المزرعة", "ظهر الجبل", "ملح", "خان أرنبة", "البعث",
    "جباتا الخشب", "الحميدية", "حضر", "بئر عجم", "الرفيد",
    // The coast.
    "جبلة", "القرداحة", "الحفة", "كسب", "ربيعة", "كنسبا", "جبل الأكراد", "جبل التركمان",
    "بانياس", "صافيتا", "الدريكيش", "الشيخ بدر", "القدموس", "حميميم", "سلمى", "الرمل الجنوبي",
    "مشقيتا", "البسيط",
    // Regions, dams and crossings.
    "البادية السورية", "الجزيرة السورية", "شرق الفرات", "الجولان", "الساحل السوري",
    "حوض اليرموك", "سد تشرين", "سد الفرات", "جسر قره قوزاق", "معبر نصيب", "معبر اليعربية",
    "معبر السلامة", "معبر سيمالكا",
];

/// Armed actors: the frequent ones first.
#[rustfmt::skip]
const ACTORS: &[&str] = &[
    "قوات سوريا الديمقراطية", "قسد", "تنظيم الدولة الإسلامية", "داعش", "هيئة تحرير الشام",
    "الجيش الوطني السوري", "قوات النظام", "الفرقة الرابعة", "التحالف الدولي",
    "الحرس الثوري الإيراني", "حزب الله", "القوات الروسية", "الجيش التركي", "وحدات حماية الشعب",
    "تنظيم الدولة", "جبهة النصرة", "الجيش السوري", "قوات الدفاع الوطني", "القوات الأمريكية",
    "الجبهة الوطنية للتحرير", "فيلق الشام", "حركة أحرار الشام", "أحرار الشام", "جيش الإسلام",
    "فيلق الرحمن", "جيش العزة", "حراس الدين", "الحزب الإسلامي التركستاني", "أنصار التوحيد",
    "فرقة السلطان مراد", "فرقة الحمزة", "فرقة السلطان سليمان شاه", "العمشات", "الجبهة الشامية",
    "جيش الشرقية", "أحرار الشرقية", "فرقة المعتصم", "فيلق المجد", "جيش النخبة",
    "جيش مغاوير الثورة", "مغاوير الثورة", "الجيش العربي السوري", "الفرقة 25 مهام خاصة",
    "قوات النمر", "الحرس الجمهوري", "الدفاع الوطني", "لواء القدس", "الفيلق الخامس",
    "اللواء الثامن", "الأمن العسكري", "المخابرات الجوية", "الشرطة العسكرية الروسية", "فاغنر",
    "القوات التركية", "فيلق القدس", "حزب الله اللبناني", "لواء فاطميون", "لواء زينبيون",
    "حركة النجباء", "كتائب حزب الله", "الحشد الشعبي", "لواء الباقر", "الجيش الإسرائيلي",
    "سلاح الجو الإسرائيلي", "غرفة عمليات الفتح المبين", "إدارة العمليات العسكرية",
    "جيش سوريا الحرة", "قوات الصناديد", "المجلس العسكري السرياني", "حزب العمال الكردستاني",
    "الأسايش", "وحدات حماية المرأة", "مجلس منبج العسكري", "مجلس دير الزور العسكري",
    "جبهة فتح الشام", "حركة رجال الكرامة", "رجال الكرامة", "الجيش السوري الحر", "الجيش الحر",
    "لواء شهداء اليرموك", "جيش خالد بن الوليد", "قوات العشائر", "الطيران الروسي",
];

/// Short forms written in parentheses after some full actor names.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("قوات سوريا الديمقراطية", "قسد"),
    ("قوات سوريا الديمقراطية", "SDF"),
    ("تنظيم الدولة الإسلامية", "داعش"),
    ("تنظيم الدولة الإسلامية", "ISIS"),
    ("هيئة تحرير الشام", "HTS"),
    ("الجيش الوطني السوري", "SNA"),
    ("وحدات حماية الشعب", "YPG"),
];

/// Fill a place slot when no name is inserted (keeps names sparse).
#[rustfmt::skip]
const GENERIC_PLACES: &[&str] = &[
    "المنطقة", "البلدة", "المدينة", "القرية", "المنطقة الحدودية", "الريف الشرقي",
    "الريف الغربي", "المحافظة", "المخيم", "الحي الشرقي", "القرى المجاورة", "المناطق الشمالية",
    "الأحياء الجنوبية", "البلدات المحيطة", "المنطقة العازلة", "الضواحي",
];

/// Fill an actor slot when no name is inserted.
#[rustfmt::skip]
const GENERIC_ACTORS: &[&str] = &[
    "الفصائل المسلحة", "القوات الحكومية", "مجموعات مسلحة", "فصائل المعارضة", "القوات المهاجمة",
    "الميليشيات المحلية", "الجماعات المتشددة", "القوات الكردية", "فصائل محلية",
    "الفصائل الموالية لأنقرة", "الميليشيات الإيرانية", "قوات الأمن",
];

#[rustfmt::skip]
const MONTHS_LEVANT: &[&str] = &[
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
    "تشرين الأول", "تشرين الثاني", "كانون الأول",
];

#[rustfmt::skip]
const MONTHS_INTL: &[&str] = &[
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر",
];

#[rustfmt::skip]
const TIMES: &[&str] = &[
    "صباح اليوم", "فجر اليوم", "مساء أمس", "ليل أمس", "ظهر اليوم", "فجر الاثنين",
    "صباح الثلاثاء", "مساء الأربعاء", "ليل الخميس", "صباح الجمعة", "ظهر السبت", "مساء الأحد",
    "خلال الساعات الماضية", "يوم أمس", "في وقت متأخر من الليل",
];

const ATTRIBUTIONS: &[&str] = &[
    "بحسب مصادر محلية",
    "وفقاً لناشطين محليين",
    "حسبما أفاد مراسلون",
    "وفق ما نقلته وكالة رويترز",
    "بحسب ما ذكرت وكالة الصحافة الفرنسية",
    "وفقاً للمرصد السوري لحقوق الإنسان",
    "حسب ما أكدته مصادر ميدانية",
    "وفق شبكات إخبارية محلية",
    "بحسب مصدر عسكري فضل عدم الكشف عن اسمه",
    "كما ذكرت وكالة الأنباء الرسمية (سانا)",
    "وفقاً لتقرير نشرته وكالة AFP",
    "نقلاً عن Reuters",
    "بحسب ما أوردته وسائل إعلام رسمية",
    "وفق ما أفاد شهود عيان",
    "بحسب مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (OCHA)",
    "وفقاً لمصادر أهلية",
    "بحسب ما رصدته منظمات حقوقية",
    "كما أكد سكان محليون",
    "وفق تقديرات أولية",
    "حسب مصادر طبية في المنطقة",
    "بحسب المرصد (SOHR)",
    "وفق ما نشرته حسابات موالية على تلغرام",
];

#[rustfmt::skip]
const SOURCES: &[&str] = &[
    "رويترز", "الصحافة الفرنسية", "الأناضول", "سانا", "AFP", "Reuters", "AP", "سبوتنيك",
    "أسوشيتد برس", "د ب أ", "SANA", "DPA",
];

#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "وفي سياق متصل،", "من جهة أخرى،", "إلى ذلك،", "في غضون ذلك،", "وفي تطور لاحق،",
    "بالتزامن مع ذلك،", "على صعيد آخر،", "وفي السياق ذاته،", "ميدانياً،", "سياسياً،",
    "اقتصادياً،", "من ناحيتها،", "في المقابل،", "وبحسب المصادر نفسها،", "في الأثناء،", "كذلك،",
    "وفي وقت سابق،", "بدوره،",
];

#[rustfmt::skip]
const OPERATIONS: &[&str] = &[
    "غصن الزيتون", "نبع السلام", "درع الفرات", "ردع العدوان", "فجر الحرية", "عاصفة الجزيرة",
    "الفجر الجديد", "البنيان المرصوص",
];

#[rustfmt::skip]
const HASHTAGS: &[&str] = &[
    "#سوريا", "#عاجل", "#Syria", "#الشمال_السوري", "#أنقذوا_الأطفال", "#النازحين",
    "#المعتقلين", "#SyriaNews",
];
