//! Normalizer throughput over generated Arabic news text, plain and diacritized.
//!
//! Group "normalize": dalil's normalizer (with offset map, without, and the Lucene profile)
//! against two baselines measured in the same run: `str::chars().count()` and a naive
//! char-by-char normalizer that collects into a `String`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dalil::{Normalizer, NormalizerConfig};

mod corpus;

/// The reference mapping written the obvious way: harakat (U+064B–U+0652) and tatweel
/// deleted, `آ أ إ` → `ا`, `ة` → `ه`, `ى` → `ي`.
fn naive_normalize(text: &str) -> String {
    text.chars()
        .filter(|&c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}'))
        .map(|c| match c {
            'آ' | 'أ' | 'إ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            c => c,
        })
        .collect()
}

fn normalize(c: &mut Criterion) {
    let plain = corpus::news(1 << 20);
    let diac = corpus::diacritize(&plain, 0.30);
    let full = Normalizer::default();
    let lucene = Normalizer::new(NormalizerConfig::lucene());
    // Warm the allocator and the tables once before measuring.
    black_box(full.normalize(&diac));
    black_box(lucene.normalize_str(&diac));

    let mut group = c.benchmark_group("normalize");
    group.sample_size(20);
    // Text the default profile leaves unchanged: the cost of the scan alone.
    let clean = full.normalize_str(&plain).into_owned();
    for (name, text) in [
        ("plain", plain.as_str()),
        ("diac", diac.as_str()),
        ("clean", clean.as_str()),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("baseline_chars_count", name),
            text,
            |b, t| b.iter(|| black_box(black_box(t).chars().count())),
        );
        group.bench_with_input(BenchmarkId::new("baseline_naive", name), text, |b, t| {
            b.iter(|| black_box(naive_normalize(black_box(t))))
        });
        group.bench_with_input(BenchmarkId::new("dalil_map", name), text, |b, t| {
            b.iter(|| black_box(full.normalize(black_box(t))))
        });
        group.bench_with_input(BenchmarkId::new("dalil_str", name), text, |b, t| {
            b.iter(|| black_box(full.normalize_str(black_box(t))))
        });
        group.bench_with_input(BenchmarkId::new("dalil_lucene_str", name), text, |b, t| {
            b.iter(|| black_box(lucene.normalize_str(black_box(t))))
        });
    }
    group.finish();
}

criterion_group!(benches, normalize);
criterion_main!(benches);
