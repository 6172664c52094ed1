//! The pure decision logic of the control plane: Themis policies, Rhadamanthus judging, Phlegethon heat and Typhon/Phlegethon routing. No I/O.

pub mod heat;
pub mod judge;
pub mod policy;
pub mod quantity;
pub mod routing;

pub use heat::{classify, HeatError, HeatLevel, HeatThresholds};
pub use judge::{judge, manual_quarantine_reason, normalize_image, Decision, Judgement, PolicySet};
pub use policy::{
    parse_policies, parse_policy_bytes, Conditions, GlobSet, KeyCondition, Match, Mode, Policy,
    PolicyError, PolicyMetadata, PolicySpec, Rule, Threshold, API_VERSION, KIND,
};
pub use quantity::{Bytes, Cpu, Millis};
pub use routing::{
    capacity_shortfall, heartbeat_expired, route, FilterReason, Pool, RouteDecision, RouteRequest,
};
