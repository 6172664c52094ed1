//! Typed resource quantities for policy conditions and heat thresholds: written with units (`8`, `500m`, `16Gi`, `1h`), kept exact, and printed back so they round-trip through JSON.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::units::{format_duration, parse_bytes, parse_cpu_millis, parse_duration};

/// A CPU quantity in millicores. Written as cores (`8`, `0.5`) or millicores (`"500m"`).
/// Serialized as a whole number of cores when exact, otherwise as `"<n>m"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cpu(pub u64);

/// A byte size. Written as a number of bytes or with a unit (`16Gi`, `512Mi`, `1G`).
/// Serialized with the largest binary unit that divides it exactly, otherwise as plain bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bytes(pub u64);

/// A duration in milliseconds. Written as `30s`, `15m`, `1h`, `1h30m`, `250ms` or a number of seconds.
/// Serialized in the same compact form (`1h30m`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Millis(pub u64);

impl Cpu {
    pub const fn cores(n: u64) -> Cpu {
        Cpu(n * 1000)
    }
}
impl Bytes {
    pub const fn gib(n: u64) -> Bytes {
        Bytes(n << 30)
    }
}
impl Millis {
    pub const fn secs(n: u64) -> Millis {
        Millis(n * 1000)
    }
    pub const fn mins(n: u64) -> Millis {
        Millis(n * 60_000)
    }
    pub const fn hours(n: u64) -> Millis {
        Millis(n * 3_600_000)
    }
}

impl fmt::Display for Cpu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_multiple_of(1000) {
            write!(f, "{}", self.0 / 1000)
        } else {
            write!(f, "{}m", self.0)
        }
    }
}

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (suffix, mult) in [
            ("Ti", 1u64 << 40),
            ("Gi", 1 << 30),
            ("Mi", 1 << 20),
            ("Ki", 1 << 10),
        ] {
            if self.0 >= mult && self.0.is_multiple_of(mult) {
                return write!(f, "{}{suffix}", self.0 / mult);
            }
        }
        write!(f, "{}", self.0)
    }
}

impl fmt::Display for Millis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_multiple_of(1000) {
            f.write_str(&format_duration(std::time::Duration::from_millis(self.0)))
        } else {
            write!(f, "{}ms", self.0)
        }
    }
}

impl Serialize for Cpu {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.is_multiple_of(1000) {
            s.serialize_u64(self.0 / 1000)
        } else {
            s.collect_str(self)
        }
    }
}
impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
impl Serialize for Millis {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Accepts an integer, a float or a string and hands its text to `parse`.
struct QuantityVisitor {
    expecting: &'static str,
    parse: fn(&str) -> Result<u64, String>,
}

impl<'de> Visitor<'de> for QuantityVisitor {
    type Value = u64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
        (self.parse)(&v.to_string()).map_err(E::custom)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
        if v < 0 {
            return Err(E::custom(format!("`{v}` must not be negative")));
        }
        self.visit_u64(v as u64)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
        (self.parse)(&v.to_string()).map_err(E::custom)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<u64, E> {
        (self.parse)(v).map_err(E::custom)
    }
}

fn parse_millis(text: &str) -> Result<u64, String> {
    parse_duration(text).map(|d| d.as_millis().min(u64::MAX as u128) as u64)
}

impl<'de> Deserialize<'de> for Cpu {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(QuantityVisitor {
            expecting: "a CPU quantity such as 8, 0.5 or \"500m\"",
            parse: parse_cpu_millis,
        })
        .map(Cpu)
    }
}
impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(QuantityVisitor {
            expecting: "a size such as 16Gi, 512Mi or 1048576",
            parse: parse_bytes,
        })
        .map(Bytes)
    }
}
impl<'de> Deserialize<'de> for Millis {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(QuantityVisitor {
            expecting: "a duration such as 30s, 15m or 1h",
            parse: parse_millis,
        })
        .map(Millis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Q {
        cpu: Cpu,
        mem: Bytes,
        t: Millis,
    }

    #[test]
    fn parses_units_from_yaml() {
        let q: Q = serde_yaml::from_str("{cpu: 8, mem: 16Gi, t: 1h}").unwrap();
        assert_eq!(
            q,
            Q {
                cpu: Cpu(8000),
                mem: Bytes(16 << 30),
                t: Millis(3_600_000)
            }
        );
        let q: Q = serde_yaml::from_str("{cpu: 0.5, mem: 1048577, t: 90}").unwrap();
        assert_eq!(
            q,
            Q {
                cpu: Cpu(500),
                mem: Bytes(1_048_577),
                t: Millis(90_000)
            }
        );
        let q: Q = serde_yaml::from_str("{cpu: 250m, mem: 1.5Gi, t: 1500ms}").unwrap();
        assert_eq!(
            q,
            Q {
                cpu: Cpu(250),
                mem: Bytes(3 << 29),
                t: Millis(1500)
            }
        );
    }

    #[test]
    fn rejects_bad_quantities() {
        for text in [
            "{cpu: -1, mem: 1, t: 1}",
            "{cpu: lots, mem: 1, t: 1}",
            "{cpu: 1, mem: 12Qi, t: 1}",
            "{cpu: 1, mem: 1, t: 5 parsecs}",
        ] {
            assert!(serde_yaml::from_str::<Q>(text).is_err(), "{text}");
        }
    }

    #[test]
    fn json_round_trip_is_exact() {
        for q in [
            Q {
                cpu: Cpu(8000),
                mem: Bytes(16 << 30),
                t: Millis(3_600_000),
            },
            Q {
                cpu: Cpu(1500),
                mem: Bytes(1_048_577),
                t: Millis(5_400_000),
            },
            Q {
                cpu: Cpu(1),
                mem: Bytes(3 << 29),
                t: Millis(1500),
            },
        ] {
            let json = serde_json::to_string(&q).unwrap();
            assert_eq!(serde_json::from_str::<Q>(&json).unwrap(), q, "{json}");
        }
        let json = serde_json::to_string(&Q {
            cpu: Cpu(1500),
            mem: Bytes(16 << 30),
            t: Millis(5_400_000),
        })
        .unwrap();
        assert_eq!(json, r#"{"cpu":"1500m","mem":"16Gi","t":"1h30m"}"#);
    }
}
