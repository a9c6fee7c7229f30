//! One program in a pseudo-terminal, read back as a screen: keys in, the time until the screen
//! answers out. Output is read on a thread that stamps each chunk as it arrives, so the time
//! of an answer is when its bytes came, not when this side got round to looking.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The terminal's size, `HEMBESOK_BENCH_TERM=COLSxROWS` (default 80x24, the smallest the
/// app supports and the one most screens are designed for): (rows, columns).
pub fn size() -> (u16, u16) {
    let term = std::env::var("HEMBESOK_BENCH_TERM").unwrap_or_default();
    match term.split_once('x').map(|(c, r)| (r.parse(), c.parse())) {
        Some((Ok(rows), Ok(cols))) => (rows, cols),
        _ => (24, 80),
    }
}

/// How long the screen must stay the same before an answer counts as whole, and before the
/// next key is sent: a frame can arrive in several chunks, and a background answer can redraw.
const SETTLE: Duration = Duration::from_millis(100);
/// How long the program's CPU time must stand still before the next key: work the screen does
/// not show (the worker's reads) would otherwise run under the next step and slow it.
const IDLE: Duration = Duration::from_millis(150);
/// A step not answered by then is reported as missed, not waited for:
/// `HEMBESOK_BENCH_TIMEOUT` seconds, default 10 (a million families' report needs more).
pub fn timeout() -> Duration {
    let secs = std::env::var("HEMBESOK_BENCH_TIMEOUT").ok();
    Duration::from_secs(secs.and_then(|s| s.parse().ok()).unwrap_or(10))
}

/// What the screen shows when a key has been answered.
#[derive(Debug, Clone, Copy)]
pub enum Until<'a> {
    /// Every one of `shows` somewhere on the screen, and none of `hides`; the time is the
    /// chunk that made it so.
    Screen {
        shows: &'a [&'a str],
        hides: &'a [&'a str],
    },
    /// One row holds every part.
    Line(&'a [&'a str]),
    /// Text or attributes differ from before the key, and then stay the same for `SETTLE`; the
    /// time is the last chunk that changed the screen (the answer's final frame).
    Settled,
}

pub fn shows<'a>(texts: &'a [&'a str]) -> Until<'a> {
    Until::Screen {
        shows: texts,
        hides: &[],
    }
}

impl Until<'_> {
    fn holds(self, screen: &vt100::Screen, before: &[u8]) -> bool {
        match self {
            Until::Screen { shows, hides } => {
                let text = screen.contents();
                shows.iter().all(|t| text.contains(t)) && !hides.iter().any(|t| text.contains(t))
            }
            Until::Line(parts) => screen
                .rows(0, screen.size().1)
                .any(|row| parts.iter().all(|p| row.contains(p))),
            Until::Settled => screen.contents_formatted() != before,
        }
    }
}

pub struct Pty {
    parser: vt100::Parser,
    output: Receiver<(Instant, Vec<u8>)>,
    input: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    // Held for the session's life: dropping it hangs up the terminal.
    _master: Box<dyn MasterPty + Send>,
    pub started: Instant,
    last_byte: Instant,
}

impl Pty {
    pub fn spawn(cmd: CommandBuilder) -> Result<Pty, String> {
        let (rows, cols) = size();
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system()
            .openpty(size)
            .map_err(|e| e.to_string())?;
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).map_err(|e| e.to_string())?;
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().map_err(|e| e.to_string())?;
        let input = pair.master.take_writer().map_err(|e| e.to_string())?;
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 16 * 1024];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        Ok(Pty {
            parser: vt100::Parser::new(rows, cols, 0),
            output,
            input,
            child,
            _master: pair.master,
            started,
            last_byte: started,
        })
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    pub fn text(&self) -> String {
        self.parser.screen().contents()
    }

    /// The marked row: the first below the tab bar drawn in reverse from its first columns.
    pub fn marked_row(&self) -> Option<String> {
        let screen = self.parser.screen();
        let (rows, cols) = screen.size();
        let row = (1..rows)
            .find(|&r| (0..3).any(|c| screen.cell(r, c).is_some_and(|cell| cell.inverse())))?;
        screen.rows(0, cols).nth(usize::from(row))
    }

    /// One chunk of output, if any comes within `wait`: its arrival time.
    fn take(&mut self, wait: Duration) -> Option<Instant> {
        match self.output.recv_timeout(wait) {
            Ok((at, bytes)) => {
                self.parser.process(&bytes);
                self.last_byte = at;
                Some(at)
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
        }
    }

    /// Reads until the screen shows `until`; the time from `since`. None after `timeout()`.
    pub fn wait(&mut self, until: Until, since: Instant, before: &[u8]) -> Option<Duration> {
        let deadline = since + timeout();
        while !until.holds(self.parser.screen(), before) {
            let left = deadline.checked_duration_since(Instant::now())?;
            self.take(left);
        }
        let mut answered = self.last_byte;
        if let Until::Settled = until {
            // Follow the screen until it stops changing: its last change is the answer.
            let mut seen = self.parser.screen().contents_formatted();
            while let Some(at) = self.take(SETTLE) {
                let now = self.parser.screen().contents_formatted();
                if now != seen {
                    answered = at;
                    seen = now;
                }
                if at > deadline {
                    return None;
                }
            }
        }
        Some(answered.saturating_duration_since(since))
    }

    /// Sends `keys` once the program is quiet, and times the answer. A screen that already
    /// shows the answer before the key would time nothing: that is reported as missed.
    pub fn press(&mut self, keys: &str, until: Until) -> Option<Duration> {
        self.quiet(timeout() * 6);
        let before = self.parser.screen().contents_formatted();
        if !matches!(until, Until::Settled) && until.holds(self.parser.screen(), &before) {
            eprintln!("  {keys:?}: the answer was on the screen before the key");
            return None;
        }
        let sent = Instant::now();
        if self
            .input
            .write_all(keys.as_bytes())
            .and_then(|()| self.input.flush())
            .is_err()
        {
            return None;
        }
        let took = self.wait(until, sent, &before);
        if took.is_none() {
            eprintln!(
                "  {keys:?}: no answer within {:?}; the screen was:\n{}",
                timeout(),
                self.text()
            );
        }
        took
    }

    /// Waits until no output has come for `SETTLE` and the program's CPU time has stood still
    /// for `IDLE`; when it last used the CPU, or None if it never rests within `patience`.
    pub fn quiet(&mut self, patience: Duration) -> Option<Instant> {
        let deadline = Instant::now() + patience;
        let mut ticks = self.cpu_ticks();
        let mut busy_at = Instant::now();
        loop {
            self.take(Duration::from_millis(10));
            let now_ticks = self.cpu_ticks();
            let now = Instant::now();
            if now_ticks != ticks {
                ticks = now_ticks;
                busy_at = now;
            }
            if now - busy_at >= IDLE && now - self.last_byte >= SETTLE {
                return Some(busy_at);
            }
            if now > deadline {
                return None;
            }
        }
    }

    /// User and system time of the program, all its threads, in clock ticks.
    fn cpu_ticks(&self) -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid()?)).ok()?;
        // After the name in parentheses: state is the first field, utime the 12th, stime the 13th.
        let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
        Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
    }

    /// The program's peak resident memory (`VmHWM`) in MB, if the process is `name` (the
    /// program itself, not a shell around it).
    pub fn peak_mb(&self, name: &str) -> Option<f64> {
        let pid = self.pid()?;
        let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
        if comm.trim() != name {
            eprintln!("  pid {pid} is {:?}, not {name}", comm.trim());
            return None;
        }
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024.0)
    }

    /// Ends the program with `keys` (its own quit), else kills it; whether it quit by itself.
    pub fn quit(&mut self, keys: &str) -> bool {
        let _ = self
            .input
            .write_all(keys.as_bytes())
            .and_then(|()| self.input.flush());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            self.take(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        false
    }
}

impl Drop for Pty {
    /// A bench that stops half-way must not leave the program running.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
