//! dalil's integration tests: one binary, table-driven, with data files in tests/data.

#[path = "suite/data.rs"]
mod data;
#[path = "suite/gazetteer.rs"]
mod gazetteer;
#[path = "suite/normalize.rs"]
mod normalize;
#[path = "suite/properties.rs"]
mod properties;
#[path = "suite/stem.rs"]
mod stem;

/// Every public type that crosses threads is `Send + Sync` (and unwind-safe).
#[test]
fn public_types_are_send_sync() {
    fn assert_all<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    assert_all::<dalil::Normalizer>();
    assert_all::<dalil::Normalized<'static>>();
    assert_all::<dalil::OffsetMap>();
    assert_all::<dalil::Gazetteer>();
    assert_all::<dalil::GazetteerBuilder>();
    assert_all::<dalil::Entity>();
    assert_all::<dalil::Match<'static>>();
    assert_all::<dalil::Matches<'static, 'static>>();
    assert_all::<dalil::Error>();
    assert_all::<dalil::stem::Stemmer>();
}
