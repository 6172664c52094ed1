//! Use cases the commands run, as library functions tests can call directly: `cli/` only declares, dispatches and renders.

pub mod bench;
pub mod policies;
pub mod textdiff;
