//! Converts the embedded YAML data files (`rules/*.yaml`, `lexicons/*.yaml`)
//! to JSON at build time: reading JSON at start-up costs a fraction of parsing
//! YAML. `src/rules.rs` reads an embedded file from its JSON form when that
//! gives the value the YAML gives (it falls back to the YAML otherwise), and
//! always reads the files of a `--rules` directory as YAML.
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let mut out = String::from("&[\n");
    for dir in ["rules", "lexicons"] {
        println!("cargo:rerun-if-changed={dir}");
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".yaml"))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        for name in names {
            let path = format!("{dir}/{name}");
            println!("cargo:rerun-if-changed={path}");
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            // a file that does not convert is left out: it is read as YAML,
            // which reports its errors with their line
            let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(&text) else {
                continue;
            };
            let Ok(json) = serde_json::to_string(&value) else {
                continue;
            };
            writeln!(out, "    ({path:?}, {json:?}),").unwrap();
        }
    }
    out.push_str("]\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded_json.rs");
    std::fs::write(dest, out).unwrap();
}
