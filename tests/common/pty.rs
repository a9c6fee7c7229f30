//! The real binary in a pseudo-terminal, driven by keys and read as a screen.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// How long to wait for the screen to show something before giving up (a hang guard, not a
/// speed requirement).
const PATIENCE: Duration = Duration::from_secs(20);

pub struct Session {
    pub parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    input: Option<Box<dyn Write + Send>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The terminal's side of the pseudo-terminal, held for the session's life.
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
}

impl Session {
    pub fn start(db: &Path, home: &Path) -> Session {
        Session::spawn(db, home, None)
    }

    /// The app with its clock fixed at `now` (YYYY-MM-DD HH:MM).
    pub fn start_at(db: &Path, home: &Path, now: &str) -> Session {
        Session::spawn(db, home, Some(now))
    }

    pub fn spawn(db: &Path, home: &Path, now: Option<&str>) -> Session {
        Session::spawn_with(db, home, now, &[])
    }

    /// The app with more environment (a user's name, a key file, another language's locale).
    pub fn spawn_with(
        db: &Path,
        home: &Path,
        now: Option<&str>,
        env: &[(&str, &std::ffi::OsStr)],
    ) -> Session {
        Session::spawn_through(&[], db, home, now, env)
    }

    /// The app started through another program first (`setpriv --reuid …`, to run it as
    /// another user).
    pub fn spawn_through(
        through: &[&str],
        db: &Path,
        home: &Path,
        now: Option<&str>,
        env: &[(&str, &std::ffi::OsStr)],
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = match through.split_first() {
            Some((program, args)) => {
                let mut cmd = CommandBuilder::new(program);
                cmd.args(args);
                cmd.arg(env!("CARGO_BIN_EXE_hembesok"));
                cmd
            }
            None => CommandBuilder::new(env!("CARGO_BIN_EXE_hembesok")),
        };
        cmd.args(["--lang", "en"]);
        cmd.env("HEMBESOK_DB", db);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("USER", "e2e-test");
        if let Some(now) = now {
            cmd.env("HEMBESOK_NOW", now);
        }
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let input = pair.master.take_writer().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            parser: vt100::Parser::new(24, 80, 0),
            output: rx,
            input: Some(input),
            child,
            master: Some(pair.master),
        }
    }

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap_or_default()
    }

    /// Sends a signal to the program by name (`TERM`, `HUP`, `KILL`).
    pub fn signal(&self, signal: &str) {
        let sent = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.pid().to_string())
            .status()
            .unwrap();
        assert!(sent.success(), "kill -{signal} failed");
    }

    /// Reads what the program draws for `time`, so that work started in the background settles.
    pub fn settle(&mut self, time: Duration) {
        let deadline = Instant::now() + time;
        while Instant::now() < deadline {
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(20)) {
                self.parser.process(&bytes);
            }
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until the screen shows `text`.
    pub fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !self.screen().contains(text) {
            assert!(
                Instant::now() < deadline,
                "never saw {text:?}; the screen was:\n{}",
                self.screen()
            );
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.parser.process(&bytes);
            }
        }
    }

    /// Reads output until the screen shows one of `texts`.
    pub fn wait_for_any(&mut self, texts: &[&str]) {
        let deadline = Instant::now() + PATIENCE;
        while !texts.iter().any(|t| self.screen().contains(t)) {
            assert!(
                Instant::now() < deadline,
                "never saw any of {texts:?}; the screen was:\n{}",
                self.screen()
            );
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.parser.process(&bytes);
            }
        }
    }

    /// Reads output until one line of the screen holds every one of `parts` (the whole row has
    /// been drawn, not just part of the frame).
    pub fn wait_for_line(&mut self, parts: &[&str]) {
        let deadline = Instant::now() + PATIENCE;
        while !self
            .screen()
            .lines()
            .any(|l| parts.iter().all(|p| l.contains(p)))
        {
            assert!(
                Instant::now() < deadline,
                "never saw a line with {parts:?}; the screen was:\n{}",
                self.screen()
            );
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.parser.process(&bytes);
            }
        }
    }

    pub fn send(&mut self, keys: &str) {
        let input = self.input.as_mut().unwrap();
        input.write_all(keys.as_bytes()).unwrap();
        input.flush().unwrap();
    }

    /// Waits for the program to end, taking in the rest of its output.
    pub fn finish(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.parser.process(&bytes);
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(100)) {
                    self.parser.process(&bytes);
                }
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the program did not quit; the screen was:\n{}",
                self.screen()
            );
        }
    }
}

/// A test that fails half-way leaves no window running on behind it.
impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
    }
}
