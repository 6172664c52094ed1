//! `top` in a terminal: the alternate screen in raw mode, redrawn each interval, quit on `q`, Esc or Ctrl-C; the terminal is restored however it ends.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::{cursor, queue, style, terminal};
use tokio::sync::mpsc;

use crate::ops::top::{Snapshot, TopSampler};
use crate::output::{age, columns};
use crate::store::SharedStore;

/// Raw mode and the alternate screen while it lives; both undone on drop (also when unwinding).
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> Result<TerminalGuard> {
        terminal::enable_raw_mode().context("putting the terminal in raw mode")?;
        let guard = TerminalGuard;
        let mut out = std::io::stdout();
        crossterm::execute!(out, terminal::EnterAlternateScreen, cursor::Hide)
            .context("switching to the alternate screen")?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let mut out = std::io::stdout();
        let _ = crossterm::execute!(out, cursor::Show, terminal::LeaveAlternateScreen);
        let _ = terminal::disable_raw_mode();
    }
}

/// What the keyboard thread reports.
enum Input {
    Quit,
    Redraw,
}

/// Reads keys on a thread of its own (crossterm's reads block) until `stop` is set.
fn keyboard(tx: mpsc::UnboundedSender<Input>, stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            match event::poll(Duration::from_millis(100)) {
                Ok(false) => continue,
                Ok(true) => {}
                Err(_) => {
                    let _ = tx.send(Input::Quit);
                    return;
                }
            }
            let input = match event::read() {
                Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                    KeyCode::Char('q') | KeyCode::Char('Q') | KeyCode::Esc => Some(Input::Quit),
                    KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                        Some(Input::Quit)
                    }
                    _ => None,
                },
                Ok(Event::Resize(..)) => Some(Input::Redraw),
                Ok(_) => None,
                Err(_) => Some(Input::Quit),
            };
            if let Some(i) = input {
                if tx.send(i).is_err() {
                    return;
                }
            }
        }
    });
}

/// The live view until q / Ctrl-C / SIGTERM, or `count` refreshes.
pub async fn run(
    store: SharedStore,
    mut sampler: TopSampler,
    interval: Duration,
    count: Option<u64>,
) -> Result<()> {
    let guard = TerminalGuard::enter()?;
    let stop = Arc::new(AtomicBool::new(false));
    let (tx, mut rx) = mpsc::unbounded_channel();
    keyboard(tx, stop.clone());
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last: Option<Snapshot> = None;
    let mut problem: Option<String> = None;
    let mut drawn = 0u64;
    let result = loop {
        tokio::select! {
            _ = tick.tick() => {
                match sampler.snapshot(store.as_ref()).await {
                    Ok(s) => { last = Some(s); problem = None; }
                    Err(e) => problem = Some(e.to_string()),
                }
                if let Err(e) = draw(last.as_ref(), problem.as_deref(), interval) {
                    break Err(e);
                }
                drawn += 1;
                if count.is_some_and(|c| drawn >= c) {
                    break Ok(());
                }
            }
            input = rx.recv() => match input {
                Some(Input::Redraw) => {
                    if let Err(e) = draw(last.as_ref(), problem.as_deref(), interval) {
                        break Err(e);
                    }
                }
                Some(Input::Quit) | None => break Ok(()),
            },
            _ = tokio::signal::ctrl_c() => break Ok(()),
            _ = async {
                match term.as_mut() {
                    Some(t) => { t.recv().await; }
                    None => std::future::pending::<()>().await,
                }
            } => break Ok(()),
        }
    };
    stop.store(true, Ordering::Relaxed);
    drop(guard);
    result
}

/// Writes the screen: each line cleared to its end, cut to the terminal's width and height.
fn draw(snapshot: Option<&Snapshot>, problem: Option<&str>, interval: Duration) -> Result<()> {
    let (width, height) = terminal::size().unwrap_or((80, 24));
    let lines = layout(snapshot, problem, interval);
    let mut out = std::io::stdout().lock();
    for (row, line) in lines.iter().take(usize::from(height)).enumerate() {
        let cut: String = line.chars().take(usize::from(width)).collect();
        queue!(
            out,
            cursor::MoveTo(0, u16::try_from(row).unwrap_or(u16::MAX)),
            style::Print(cut),
            terminal::Clear(terminal::ClearType::UntilNewLine)
        )?;
    }
    let used = u16::try_from(lines.len().min(usize::from(height))).unwrap_or(height);
    if used < height {
        queue!(
            out,
            cursor::MoveTo(0, used),
            terminal::Clear(terminal::ClearType::FromCursorDown)
        )?;
    }
    out.flush()?;
    Ok(())
}

fn bytes(n: u64) -> String {
    const GI: f64 = (1u64 << 30) as f64;
    const MI: f64 = (1u64 << 20) as f64;
    let f = n as f64;
    if f >= GI {
        format!("{:.1}Gi", f / GI)
    } else if f >= MI {
        format!("{:.0}Mi", f / MI)
    } else {
        n.to_string()
    }
}

fn rate(r: Option<f64>) -> String {
    r.map(|v| format!("{v:.1}/s")).unwrap_or_else(|| "…".into())
}

fn ms_age(ms: Option<i64>) -> String {
    ms.map(|ms| age(crate::model::now_ms() - ms))
        .unwrap_or_else(|| "-".into())
}

/// The screen's lines for a snapshot.
pub(crate) fn layout(
    snapshot: Option<&Snapshot>,
    problem: Option<&str>,
    interval: Duration,
) -> Vec<String> {
    let mut lines = vec![format!(
        "tartarus top · every {}ms · q to quit{}",
        interval.as_millis(),
        problem
            .map(|p| format!(" · ERROR: {p}"))
            .unwrap_or_default()
    )];
    let Some(s) = snapshot else {
        lines.push("waiting for the first snapshot…".into());
        return lines;
    };
    let q = &s.queue;
    lines.push(String::new());
    lines.push(format!(
        "QUEUE   queued {} · leased {} · pending {} · dead {}{} · oldest queued {} · head {}",
        q.depth,
        q.in_flight,
        q.pending,
        q.dead,
        if q.paused { " · PAUSED" } else { "" },
        ms_age(q.oldest_queued_age_ms),
        ms_age(q.head_age_ms),
    ));
    let states: Vec<String> = s
        .states
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    lines.push(format!(
        "STATES  {}",
        if states.is_empty() {
            "no runs".to_string()
        } else {
            states.join(" · ")
        }
    ));
    let r = &s.runs_per_second;
    lines.push(format!(
        "RATE    submitted {} · finished {} · succeeded {} · failed {}",
        rate(r.submitted),
        rate(r.finished),
        rate(r.succeeded),
        rate(r.failed)
    ));
    scheduler_lines(s, &mut lines);
    node_lines(s, &mut lines);
    event_lines(s, &mut lines);
    lines
}

fn scheduler_lines(s: &Snapshot, lines: &mut Vec<String>) {
    lines.push(String::new());
    lines.push(format!("SCHEDULERS ({})", s.schedulers.len()));
    if !s.schedulers.is_empty() {
        let rows = s
            .schedulers
            .iter()
            .map(|x| {
                vec![
                    x.id.clone(),
                    x.host.clone(),
                    x.pid.to_string(),
                    x.version.clone(),
                    age(x.started_at),
                ]
            })
            .collect();
        lines.extend(
            columns(&["ID", "HOST", "PID", "VERSION", "UP"], rows)
                .lines()
                .map(|l| format!("  {l}")),
        );
    }
}

fn node_lines(s: &Snapshot, lines: &mut Vec<String>) {
    lines.push(String::new());
    lines.push(format!("NODES ({})", s.nodes.len()));
    if !s.nodes.is_empty() {
        let rows = s
            .nodes
            .iter()
            .map(|n| {
                vec![
                    n.name.clone(),
                    n.status.to_string(),
                    n.pool.to_string(),
                    format!(
                        "{}/{}",
                        n.usage.cpu_millis as f64 / 1000.0,
                        n.capacity.cpu_millis as f64 / 1000.0
                    ),
                    format!(
                        "{}/{}",
                        bytes(n.usage.memory_bytes),
                        bytes(n.capacity.memory_bytes)
                    ),
                    format!("{}/{}", n.usage.gpu, n.capacity.gpu),
                    format!("{}/{}", n.usage.slots, n.capacity.slots),
                ]
            })
            .collect();
        lines.extend(
            columns(
                &["NAME", "STATUS", "POOL", "CPU", "MEMORY", "GPU", "SLOTS"],
                rows,
            )
            .lines()
            .map(|l| format!("  {l}")),
        );
    }
}

fn event_lines(s: &Snapshot, lines: &mut Vec<String>) {
    lines.push(String::new());
    lines.push("EVENTS (latest last)".into());
    for e in &s.events {
        let time = chrono::DateTime::from_timestamp_millis(e.at)
            .map(|t| t.format("%H:%M:%S").to_string())
            .unwrap_or_default();
        let change = match (&e.from, &e.to) {
            (Some(f), Some(t)) => format!("{f}→{t}"),
            (None, Some(t)) => t.clone(),
            _ => String::new(),
        };
        lines.push(format!(
            "  {time}  {:<8} {} {change}{}{}",
            e.kind,
            e.run.as_deref().unwrap_or("-"),
            e.node
                .as_deref()
                .map(|n| format!(" on {n}"))
                .unwrap_or_default(),
            e.message
                .as_deref()
                .filter(|m| !m.is_empty())
                .map(|m| format!(" · {m}"))
                .unwrap_or_default(),
        ));
    }
}
