//! Compares dalil with the outputs of real systems in `../shared/peers`:
//!
//! * the `lucene()` normalizer against column 2 of `lucene/voc_ar.lucene.tsv`, and Light10
//!   after it against column 3 (Lucene 8.7's ArabicNormalizer and ArabicStemmer);
//! * the Snowball stemmer against `snowball/res_ar.txt`, line by line with `snowball/voc_ar.txt`.
//!
//! Usage: `cargo run --release --example parity -- ../shared/peers`
//!
//! Prints the mismatch count of each comparison with the first few mismatches, and exits
//! non-zero on any mismatch or when a file cannot be read. The peer data is not part of the
//! crate (its licences differ); this tool reads it where it lies.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dalil::stem::{light10, snowball};
use dalil::{Normalizer, NormalizerConfig};

const SHOW: usize = 5;

fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    dalil::decode_utf8(&bytes)
        .map(str::to_owned)
        .map_err(|e| format!("{}: {e}", path.display()))
}

struct Tally {
    name: &'static str,
    total: usize,
    mismatches: Vec<String>,
}

impl Tally {
    fn new(name: &'static str) -> Tally {
        Tally {
            name,
            total: 0,
            mismatches: Vec::new(),
        }
    }

    fn check(&mut self, input: &str, got: &str, want: &str) {
        self.total += 1;
        if got != want {
            self.mismatches
                .push(format!("{input:?}: got {got:?}, expected {want:?}"));
        }
    }

    fn report(&self) -> bool {
        println!(
            "{}: {} mismatches of {} words",
            self.name,
            self.mismatches.len(),
            self.total
        );
        for m in self.mismatches.iter().take(SHOW) {
            println!("  {m}");
        }
        self.mismatches.is_empty() && self.total > 0
    }
}

fn run(peers: &Path) -> Result<bool, String> {
    let lucene = Normalizer::new(NormalizerConfig::lucene());
    let mut norm = Tally::new("lucene normalizer (voc_ar.lucene.tsv column 2)");
    let mut stem = Tally::new("lucene normalizer + light10 (voc_ar.lucene.tsv column 3)");
    let path = peers.join("lucene/voc_ar.lucene.tsv");
    let text = read(&path)?;
    for (n, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 3 {
            return Err(format!(
                "{}:{}: expected 3 tab-separated columns, found {}",
                path.display(),
                n + 1,
                cols.len()
            ));
        }
        let normalized = lucene.normalize_str(cols[0]);
        norm.check(cols[0], &normalized, cols[1]);
        stem.check(cols[0], &light10(&normalized), cols[2]);
    }

    let mut snow = Tally::new("snowball (snowball/res_ar.txt)");
    let words_path = peers.join("snowball/voc_ar.txt");
    let stems_path = peers.join("snowball/res_ar.txt");
    let words = read(&words_path)?;
    let stems = read(&stems_path)?;
    let (w, s): (Vec<&str>, Vec<&str>) = (words.lines().collect(), stems.lines().collect());
    if w.len() != s.len() {
        return Err(format!(
            "{} has {} lines but {} has {}",
            words_path.display(),
            w.len(),
            stems_path.display(),
            s.len()
        ));
    }
    for (word, want) in w.iter().zip(&s) {
        snow.check(word, &snowball(word), want);
    }

    let ok = [norm.report(), stem.report(), snow.report()];
    Ok(ok.iter().all(|&b| b))
}

fn main() -> ExitCode {
    let peers: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/peers"));
    match run(&peers) {
        Ok(true) => {
            println!("parity: all comparisons match");
            ExitCode::SUCCESS
        }
        Ok(false) => {
            println!("parity: mismatches found");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("parity: {e}");
            ExitCode::from(2)
        }
    }
}
