//! `tartarus agent`: one verb, `run`, a node agent that runs the sandboxes scheduled to its node.

pub mod run;

pub use run::{executor_config, AgentArgs, AgentCmd, RuntimeChoice};
