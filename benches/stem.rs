//! Stemmer throughput per token over generated Arabic news words (Lucene-normalized).
//!
//! Group "stem": Light10, Snowball and a `Stemmer` with protected words, against baselines
//! measured in the same run: `chars().count()` per word and a `HashSet<&str>` lookup per word.
//! Throughput is in elements (tokens).

use std::collections::HashSet;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dalil::stem::{self, Algorithm, Stemmer};
use dalil::{Normalizer, NormalizerConfig};

mod corpus;

fn stem(c: &mut Criterion) {
    let lucene = Normalizer::new(NormalizerConfig::lucene());
    let words: Vec<String> = corpus::words(1 << 20)
        .iter()
        .map(|w| lucene.normalize_str(w).into_owned())
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let bytes: usize = words.iter().map(|w| w.len()).sum();
    let names: Vec<String> = corpus::names()
        .iter()
        .map(|n| lucene.normalize_str(n).into_owned())
        .collect();
    let set: HashSet<&str> = names.iter().map(String::as_str).collect();
    let light_p = Stemmer::new(Algorithm::Light10).with_protected(names.iter().cloned());
    let snow_p = Stemmer::new(Algorithm::Snowball).with_protected(names.iter().cloned());
    eprintln!(
        "stem corpus: {} tokens, {} bytes ({:.2} bytes/token), {} protected words",
        words.len(),
        bytes,
        bytes as f64 / words.len() as f64,
        names.len()
    );
    // Warm up every path once before measuring.
    for w in &words {
        black_box(stem::light10(w));
        black_box(stem::snowball(w));
        black_box(snow_p.stem(w));
    }

    let mut group = c.benchmark_group("stem");
    group.sample_size(20);
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("baseline_chars_count", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for w in black_box(&words) {
                n += black_box(w).chars().count();
            }
            n
        })
    });
    group.bench_function("baseline_hashset", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for w in black_box(&words) {
                n += set.contains(black_box(w)) as usize;
            }
            n
        })
    });
    group.bench_function("light10", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for w in black_box(&words) {
                n += black_box(stem::light10(w)).len();
            }
            n
        })
    });
    group.bench_function("snowball", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for w in black_box(&words) {
                n += black_box(stem::snowball(w)).len();
            }
            n
        })
    });
    group.bench_function("stemmer_light10_protected", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for w in black_box(&words) {
                n += black_box(light_p.stem(w)).len();
            }
            n
        })
    });
    group.bench_function("stemmer_snowball_protected", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for w in black_box(&words) {
                n += black_box(snow_p.stem(w)).len();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, stem);
criterion_main!(benches);
