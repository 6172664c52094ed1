//! tartarus: administration CLI and embedded control plane for Tartarus sandboxes, with all durable state in Redis.

pub mod model;
