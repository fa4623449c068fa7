//! Gazetteer tagging throughput over generated Arabic news text, plain and diacritized.
//!
//! Group "tag": `Gazetteer::builtin().tag(text).count()` against a plain `aho-corasick`
//! (LeftmostLongest) automaton over the built-in gazetteer's normalized keys, measured in the
//! same run, both over text normalized once beforehand and with normalization in the loop.
//! Group "load": building the built-in gazetteer and tagging one short sentence (cold start
//! to first match).

use std::hint::black_box;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dalil::{Gazetteer, GazetteerBuilder, Normalizer};

mod corpus;

const SENTENCE: &str = "اشتباكات بين قوات سوريا الديمقراطية وتنظيم الدولة شرقي دير الزور";

/// The normalized Arabic names of every built-in entity, deduplicated.
fn builtin_keys(g: &Gazetteer) -> Vec<String> {
    let mut keys: Vec<String> = g
        .entities()
        .flat_map(|e| e.names_ar().iter().map(|n| g.normalize_name(n)))
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn tag(c: &mut Criterion) {
    let g = Gazetteer::builtin(); // warm the lazy static before measuring
    let norm = Normalizer::default();
    let keys = builtin_keys(g);
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&keys)
        .expect("aho-corasick build");
    let plain = corpus::news(1 << 20);
    let diac = corpus::diacritize(&plain, 0.30);

    let mut group = c.benchmark_group("tag");
    group.sample_size(20);
    for (name, text) in [("plain", plain.as_str()), ("diac", diac.as_str())] {
        let normalized = norm.normalize_str(text).into_owned();
        eprintln!(
            "tag/{name}: {} bytes, {} keys, dalil matches {}, aho-corasick matches {}",
            text.len(),
            keys.len(),
            g.tag(text).count(),
            ac.find_iter(&normalized).count()
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("baseline_ac", name),
            &normalized,
            |b, t| b.iter(|| black_box(ac.find_iter(black_box(t.as_str())).count())),
        );
        group.bench_with_input(BenchmarkId::new("baseline_ac_norm", name), text, |b, t| {
            b.iter(|| {
                let n = norm.normalize_str(black_box(t));
                black_box(ac.find_iter(n.as_ref()).count())
            })
        });
        group.bench_with_input(BenchmarkId::new("dalil_tag", name), text, |b, t| {
            b.iter(|| black_box(g.tag(black_box(t)).count()))
        });
    }
    group.finish();
}

fn load(c: &mut Criterion) {
    let norm = Normalizer::default();
    let keys = builtin_keys(Gazetteer::builtin());
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    group.bench_function("baseline_ac_build", |b| {
        b.iter(|| {
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(black_box(&keys))
                .expect("aho-corasick build");
            let n = norm.normalize_str(black_box(SENTENCE));
            black_box(ac.find_iter(n.as_ref()).next().map(|m| m.start()))
        })
    });
    group.bench_function("dalil_build_first_match", |b| {
        b.iter(|| {
            let g = GazetteerBuilder::new()
                .with_builtin()
                .build()
                .expect("built-in gazetteer");
            let first = g.tag(black_box(SENTENCE)).next().map(|m| m.start());
            black_box(first)
        })
    });
    group.finish();
}

criterion_group!(benches, tag, load);
criterion_main!(benches);
