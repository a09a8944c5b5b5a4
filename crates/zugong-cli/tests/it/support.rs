use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

/// The binary under test.
pub fn zugong() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zugong"))
}

/// Runs the binary with `args`.
///
/// Every output of every run is scanned: no full citizen ID number may appear in standard
/// output or standard error, whatever the command (reports, faults, messages, progress).
pub fn run(args: &[&str]) -> Output {
    let out = zugong().args(args).output().expect("the binary runs");
    for text in [&out.stdout, &out.stderr] {
        let text = String::from_utf8_lossy(text);
        let ids = full_ids(&text);
        assert!(
            ids.is_empty(),
            "zugong {args:?} printed full ID or phone numbers {ids:?}"
        );
    }
    out
}

/// Every run of 18 characters (17 digits and a digit or X), or of the legacy 15 digits,
/// standing as a word: a full citizen ID number; and every 11-digit mobile number (1, then 3–9,
/// then nine digits).
pub fn full_ids(text: &str) -> Vec<String> {
    let b: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        let run: String = b[i..].iter().take_while(|c| c.is_ascii_digit()).collect();
        let x = b.get(i + run.len()).is_some_and(|c| *c == 'X' || *c == 'x');
        let len = run.len() + usize::from(x && run.len() == 17);
        let ends = !b.get(i + len).is_some_and(|c| c.is_ascii_alphanumeric());
        let mobile = run.len() == 11
            && !x
            && run.starts_with('1')
            && run.chars().nth(1).is_some_and(|c| ('3'..='9').contains(&c));
        if ((len == 18 || len == 15) || mobile) && ends {
            found.push(b[i..i + len].iter().collect());
        }
    }
    found
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 errors")
}

/// The exit code (a panic would be 101).
pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

/// A folder removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        static N: AtomicU32 = AtomicU32::new(0);
        let p = std::env::temp_dir().join(format!(
            "zugong-it-{}-{}-{name}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Self(p)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn join(&self, p: &str) -> PathBuf {
        self.0.join(p)
    }

    pub fn s(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes the sample county into a new folder.
pub fn sample_dir(name: &str) -> TempDir {
    let d = TempDir::new(name);
    let out = run(&["sample", "--out", d.s(), "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    d
}

/// Every file of a folder (recursively) and its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

/// Every record of a dataset's JSON Lines table, as JSON values.
pub fn read_rows(dir: &Path, table: &str) -> Vec<serde_json::Value> {
    std::fs::read_to_string(dir.join(format!("{table}.jsonl")))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Edits line `line` (1-based) of a JSON Lines file.
pub fn edit_line(file: &Path, line: usize, f: impl FnOnce(&mut serde_json::Value)) {
    let text = std::fs::read_to_string(file).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut v: serde_json::Value = serde_json::from_str(&lines[line - 1]).unwrap();
    f(&mut v);
    lines[line - 1] = serde_json::to_string(&v).unwrap();
    std::fs::write(file, lines.join("\n") + "\n").unwrap();
}

/// Replaces line `line` (1-based) of a file with `text`.
pub fn replace_line(file: &Path, line: usize, text: &str) {
    let content = std::fs::read_to_string(file).unwrap();
    let mut lines: Vec<String> = content.lines().map(str::to_owned).collect();
    lines[line - 1] = text.to_owned();
    std::fs::write(file, lines.join("\n") + "\n").unwrap();
}

/// The roster fixture (CSV with Chinese headers).
pub fn rosters() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rosters")
}
