//! The real `fiche` binary in a pseudo-terminal (100×30), keys sent as a
//! user types them, the screen read back with a vt100 parser. Waits are
//! bounded polls on screen text, never fixed sleeps, so a slow CI machine
//! only makes them slower. Used by `tests/tui_pty.rs` and
//! `tests/data_safety_pty.rs`.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long any wait may last before the test fails with the screen shown.
pub const TIMEOUT: Duration = Duration::from_secs(20);

pub const ENTER: &str = "\r";
pub const TAB: &str = "\t";
pub const CTRL_E: &str = "\x05";
pub const CTRL_N: &str = "\x0e";
pub const CTRL_Q: &str = "\x11";

pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    master: Box<dyn MasterPty + Send>,
}

impl Session {
    /// `fiche ARGS…` in `dir`, with a home and a profile folder of its own.
    pub fn start(dir: &Path, args: &[&str]) -> Session {
        Session::start_with(dir, args, &[])
    }

    /// As [`Session::start`], with extra environment variables.
    pub fn start_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Session {
        let (rows, cols) = (30, 100);
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_fiche"));
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", dir);
        cmd.env("XDG_CONFIG_HOME", dir.join(".config"));
        cmd.env("NO_COLOR", "1");
        cmd.env_remove("VISUAL");
        cmd.env_remove("FICHE_ACCESSIBLE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("fiche starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => feed.lock().unwrap().process(&buf[..n]),
                }
            }
        });
        Session {
            child,
            writer,
            screen,
            master: pty.master,
        }
    }

    /// As [`Session::start_with`]; a new file named on the command line
    /// opens on the form's introduction, which is dismissed here for tests
    /// about what follows.
    pub fn start_past_intro(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Session {
        let new_file = args
            .iter()
            .any(|a| a.ends_with(".toml") && !dir.join(a).exists());
        let mut session = Session::start_with(dir, args, env);
        if new_file {
            session.past_intro();
        }
        session
    }

    /// Waits until the prompt under `header` (the last one on screen) is
    /// drawn: the line editor draws it once it reads keys.
    pub fn wait_for_prompt_under(&self, header: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            let text = self.contents();
            if let Some((_, after)) = text.rsplit_once(header)
                && after.contains("Réponse :")
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("no prompt under « {header} »; screen:\n{}", self.contents());
    }

    /// The screen's text, row by row; the no-break spaces of French
    /// spacing (« Format : ») read as spaces, so tests look for the text as
    /// it is written.
    pub fn contents(&self) -> String {
        let screen = self.screen.lock().unwrap();
        screen.screen().contents().replace('\u{a0}', " ")
    }

    /// Waits until `text` is on screen; fails with the screen shown.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("« {text} » never appeared; screen:\n{}", self.contents());
    }

    /// Waits until `text` has left the screen.
    pub fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if !self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("« {text} » never went away; screen:\n{}", self.contents());
    }

    /// On a new file named on the command line: reads the form's
    /// introduction, then dismisses it.
    pub fn past_intro(&mut self) {
        self.wait_for("Bienvenue");
        self.send(ENTER);
        self.wait_gone("Bienvenue");
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Pastes `text` as a terminal does: its lines end with « \r », and the
    /// whole is wrapped in bracketed-paste marks when the program asked
    /// for them.
    pub fn paste(&mut self, text: &str) {
        let text = text.replace('\n', ENTER);
        if self.screen.lock().unwrap().screen().bracketed_paste() {
            self.send(&format!("\x1b[200~{text}\x1b[201~"));
        } else {
            self.send(&text);
        }
    }

    /// Resizes the terminal, as a user dragging the window's corner.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.screen.lock().unwrap().screen_mut().set_size(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
        );
    }

    /// The terminal's line settings as `stty -a` prints them (« icanon »
    /// when lines are edited by the terminal, « -icanon » in raw mode).
    pub fn line_settings(&self) -> String {
        let tty = self.master.tty_name().expect("the pty's name");
        let out = std::process::Command::new("stty")
            .arg("-a")
            .arg("-F")
            .arg(tty)
            .output()
            .expect("stty runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    /// Sends `signal` (« TERM », « KILL »…) to fiche.
    pub fn kill(&self, signal: &str) {
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &self.pid().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }

    /// Waits for the process to end and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("fiche did not exit; screen:\n{}", self.contents());
    }

    /// The terminal was given back: main screen, no mouse tracking (the
    /// last bytes may still be on their way to the parser after the exit).
    pub fn assert_terminal_restored(&self) {
        let restored = || {
            let parser = self.screen.lock().unwrap();
            let screen = parser.screen();
            (
                screen.alternate_screen(),
                screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None,
            )
        };
        let start = Instant::now();
        while restored() != (false, false) && start.elapsed() < TIMEOUT {
            std::thread::sleep(Duration::from_millis(20));
        }
        let (alternate, mouse) = restored();
        assert!(!alternate, "still in the alternate screen");
        assert!(!mouse, "mouse tracking still on");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
        }
    }
}

/// Polls `check` until it holds (bounded).
pub fn eventually(what: &str, check: impl Fn() -> bool) {
    let start = Instant::now();
    while start.elapsed() < TIMEOUT {
        if check() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("never happened: {what}");
}
