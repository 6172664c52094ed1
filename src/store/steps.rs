//! The agent-side steps of many runs at once ([`Store::start_runs`], [`Store::start_placed`], [`Store::finish_runs`]): what an agent asks for, and what a start answers.
//!
//! [`Store::start_runs`]: super::Store::start_runs
//! [`Store::start_placed`]: super::Store::start_placed
//! [`Store::finish_runs`]: super::Store::finish_runs

use super::Completion;

/// One start of a batch ([`Store::start_runs`](super::Store::start_runs)).
#[derive(Clone, Debug, PartialEq)]
pub struct RunStart {
    pub id: String,
    /// The placement the sandbox is started for (the run's `attempts` when it was read).
    pub attempt: u32,
    pub log_path: Option<String>,
}

/// One run an agent asks to start ([`Store::start_placed`](super::Store::start_placed)).
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedStart {
    pub id: String,
    pub log_path: Option<String>,
}

/// A run [`Store::start_placed`](super::Store::start_placed) moved to `running`: what the agent
/// needs to start its sandbox, read in the same atomic step.
#[derive(Clone, Debug, PartialEq)]
pub struct Started {
    /// The placement it was started for: the fence of its outcome (`finish_run`, `hand_back`).
    pub attempt: u32,
    /// Its sandbox spec, or why the stored spec could not be read.
    pub spec: Result<crate::model::spec::SandboxSpec, String>,
}

/// One outcome of a batch ([`Store::finish_runs`](super::Store::finish_runs)).
#[derive(Clone, Debug, PartialEq)]
pub struct RunFinish {
    pub id: String,
    pub attempt: u32,
    pub done: Completion,
}
