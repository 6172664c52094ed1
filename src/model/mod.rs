//! The domain model shared by every layer: sandbox specs, runs and their states, nodes, units, and their output views.

pub mod documents;
pub mod node;
pub mod run;
pub mod spec;
pub mod text;
pub mod units;
pub mod view;

/// Current time in Unix milliseconds.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
