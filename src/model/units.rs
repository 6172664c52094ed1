//! Parsing and printing of resource quantities: CPU (`500m`, `1.5`), byte sizes (`512Mi`, `2Gi`) and durations (`30s`, `5m`).

use std::time::Duration;

/// Parses a CPU quantity into millicores: `2`, `0.5`, `1.25`, `500m`.
pub fn parse_cpu_millis(input: &str) -> Result<u64, String> {
    let s = input.trim();
    if s.is_empty() {
        return Err("empty CPU quantity".into());
    }
    if let Some(m) = s.strip_suffix('m') {
        return m
            .parse::<u64>()
            .map_err(|_| format!("`{input}` is not a CPU quantity (examples: 2, 0.5, 500m)"));
    }
    let value: f64 = s
        .parse()
        .map_err(|_| format!("`{input}` is not a CPU quantity (examples: 2, 0.5, 500m)"))?;
    if !value.is_finite() || value < 0.0 {
        return Err(format!(
            "CPU quantity `{input}` must be a non-negative number"
        ));
    }
    let millis = (value * 1000.0).round();
    if millis > u64::MAX as f64 / 2.0 {
        return Err(format!("CPU quantity `{input}` is absurdly large"));
    }
    Ok(millis as u64)
}

/// Renders millicores the way they are written: `2`, `500m`.
pub fn format_cpu_millis(millis: u64) -> String {
    if millis.is_multiple_of(1000) {
        format!("{}", millis / 1000)
    } else {
        format!("{millis}m")
    }
}

const BYTE_UNITS: &[(&str, u64)] = &[
    ("Ki", 1 << 10),
    ("Mi", 1 << 20),
    ("Gi", 1 << 30),
    ("Ti", 1 << 40),
    ("K", 1_000),
    ("k", 1_000),
    ("M", 1_000_000),
    ("G", 1_000_000_000),
    ("T", 1_000_000_000_000),
    ("B", 1),
];

/// Parses a byte size: `512Mi`, `2Gi`, `1G`, `1048576`.
pub fn parse_bytes(input: &str) -> Result<u64, String> {
    let s = input.trim();
    let (number, multiplier) = BYTE_UNITS
        .iter()
        .find_map(|(suffix, mult)| s.strip_suffix(suffix).map(|n| (n, *mult)))
        .unwrap_or((s, 1));
    let number = number.trim();
    let value: f64 = number
        .parse()
        .map_err(|_| format!("`{input}` is not a size (examples: 512Mi, 2Gi, 1G, 1048576)"))?;
    if !value.is_finite() || value < 0.0 {
        return Err(format!("size `{input}` must be a non-negative number"));
    }
    let bytes = value * multiplier as f64;
    if bytes > (1u64 << 62) as f64 {
        return Err(format!("size `{input}` is absurdly large"));
    }
    Ok(bytes.round() as u64)
}

/// `bytes` in the largest binary unit that divides it exactly (`512Mi`, `2Gi`); None when none
/// does.
fn in_exact_unit(bytes: u64) -> Option<String> {
    [
        ("Ti", 1u64 << 40),
        ("Gi", 1 << 30),
        ("Mi", 1 << 20),
        ("Ki", 1 << 10),
    ]
    .into_iter()
    .find(|(_, mult)| bytes >= *mult && bytes.is_multiple_of(*mult))
    .map(|(suffix, mult)| format!("{}{suffix}", bytes / mult))
}

/// Memory as it would be written (and parsed back to the same number): the largest binary unit
/// that divides it exactly, else plain bytes.
pub fn exact_bytes(bytes: u64) -> String {
    in_exact_unit(bytes).unwrap_or_else(|| bytes.to_string())
}

/// Renders bytes with the largest binary unit that divides them: `512Mi`, `2Gi`; else in Mi
/// with one decimal from 1Mi on, else bytes.
pub fn format_bytes(bytes: u64) -> String {
    if let Some(exact) = in_exact_unit(bytes) {
        return exact;
    }
    if bytes >= 1 << 20 {
        return format!("{:.1}Mi", bytes as f64 / (1u64 << 20) as f64);
    }
    format!("{bytes}")
}

/// Parses a duration: `30s`, `5m`, `1h30m`, `250ms`, or a bare number of seconds.
pub fn parse_duration(input: &str) -> Result<Duration, String> {
    let s = input.trim();
    let bad = || format!("`{input}` is not a duration (examples: 30s, 5m, 1h30m, 250ms)");
    if s.is_empty() {
        return Err(bad());
    }
    if let Ok(secs) = s.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let mut total_ms: u128 = 0;
    let mut rest = s;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(bad)?;
        if digits == 0 {
            return Err(bad());
        }
        let value: f64 = rest[..digits].parse().map_err(|_| bad())?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit_ms: f64 = match &rest[..unit_len] {
            "ms" => 1.0,
            "s" => 1_000.0,
            "m" => 60_000.0,
            "h" => 3_600_000.0,
            "d" => 86_400_000.0,
            _ => return Err(bad()),
        };
        rest = &rest[unit_len..];
        total_ms += (value * unit_ms).round() as u128;
        if total_ms > u64::MAX as u128 / 4 {
            return Err(format!("duration `{input}` is absurdly long"));
        }
    }
    Ok(Duration::from_millis(total_ms as u64))
}

/// Renders a duration compactly: `30s`, `5m`, `1h30m`, `250ms`.
pub fn format_duration(d: Duration) -> String {
    let ms = d.as_millis() as u64;
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let mut secs = ms / 1000;
    let mut out = String::new();
    for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60)] {
        if secs >= size {
            out.push_str(&format!("{}{unit}", secs / size));
            secs %= size;
        }
    }
    if secs > 0 || out.is_empty() {
        out.push_str(&format!("{secs}s"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_quantities() {
        assert_eq!(parse_cpu_millis("2").unwrap(), 2000);
        assert_eq!(parse_cpu_millis("0.5").unwrap(), 500);
        assert_eq!(parse_cpu_millis("250m").unwrap(), 250);
        assert!(parse_cpu_millis("-1").is_err());
        assert!(parse_cpu_millis("lots").is_err());
        assert_eq!(format_cpu_millis(1500), "1500m");
        assert_eq!(format_cpu_millis(3000), "3");
    }

    #[test]
    fn byte_sizes() {
        assert_eq!(parse_bytes("512Mi").unwrap(), 512 << 20);
        assert_eq!(parse_bytes("2Gi").unwrap(), 2 << 30);
        assert_eq!(parse_bytes("1G").unwrap(), 1_000_000_000);
        assert_eq!(parse_bytes("4096").unwrap(), 4096);
        assert!(parse_bytes("-5Mi").is_err());
        assert!(parse_bytes("12Qi").is_err());
        assert_eq!(format_bytes(512 << 20), "512Mi");
        assert_eq!(format_bytes((3 << 20) + 1), "3.0Mi");
        assert_eq!(exact_bytes((3 << 20) + 1), "3145729");
        assert_eq!(exact_bytes(1 << 40), "1Ti");
        assert_eq!(exact_bytes(0), "0");
        for b in [0, 1, 1023, 1 << 10, 1536, 5 << 30, (1 << 40) + (1 << 10)] {
            assert_eq!(parse_bytes(&exact_bytes(b)), Ok(b), "{b}");
        }
        assert_eq!(format_bytes(2 << 30), "2Gi");
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30s").unwrap(), Duration::from_secs(30));
        assert_eq!(parse_duration("5m").unwrap(), Duration::from_secs(300));
        assert_eq!(parse_duration("1h30m").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        assert_eq!(parse_duration("45").unwrap(), Duration::from_secs(45));
        assert!(parse_duration("5 parsecs").is_err());
        assert!(parse_duration("").is_err());
        assert_eq!(format_duration(Duration::from_secs(5400)), "1h30m");
        assert_eq!(format_duration(Duration::from_millis(20)), "20ms");
    }
}
