//! tartarus: administration CLI and embedded control plane for Tartarus sandboxes, with all durable state in Redis.

pub mod agent;
pub mod backoff;
pub mod cli;
pub mod config;
pub mod connection;
pub mod control;
pub mod executor;
pub mod exit;
pub mod hardening;
pub mod metrics;
pub mod model;
pub mod ops;
pub mod output;
pub mod persistence;
pub mod retention;
pub mod scheduler;
pub mod store;
