// Rebuild when a migration or a translation file is added or changed: `sqlx::migrate!` embeds the
// migration folders and `fluent_templates::static_loader!` the `.ftl` files (a new file in a
// folder is otherwise not noticed).
fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
    println!("cargo:rerun-if-changed=../../locales");
}
