//! Use cases the commands run — submit, wait, watch, logs, list, cancel, `up` — as library code
//! that tests call directly. The CLI layer (`src/cli`) only declares flags, calls these, and
//! renders what they return.

pub mod bench;
pub mod bench_cells;
pub mod bench_lifecycle;
pub mod cancel;
pub mod export;
pub mod input;
pub mod list;
pub mod logs;
pub mod node;
pub mod node_file;
pub mod policies;
pub mod retry;
pub mod submit;
pub mod textdiff;
pub mod top;
pub mod up;
pub mod wait;
pub mod watch;

pub use input::InputError;
pub use submit::SubmitError;
pub use wait::WaitError;
