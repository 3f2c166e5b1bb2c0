//! The two engines' schemas must not drift: same migration versions; same tables, columns,
//! nullability, compatible types, and the same indexes.

use std::collections::BTreeSet;

use relais_core::Db;
use sqlx::Row;

use crate::pg;

#[derive(Debug, Default, PartialEq, Eq)]
struct Schema {
    /// `table.column nullable|not-null`
    columns: BTreeSet<String>,
    /// `table(col,col) unique?` for every index but primary keys, plus `name` for explicit ones.
    indexes: BTreeSet<String>,
    /// `table.column` → type family, compared separately (names differ per engine).
    types: BTreeSet<String>,
}

fn sqlite_family(declared: &str) -> &'static str {
    match declared.to_ascii_uppercase().as_str() {
        "INTEGER" | "BIGINT" | "BOOLEAN" => "integer-or-bool",
        "TEXT" => "text-like",
        "BLOB" => "binary",
        "REAL" => "real",
        _ => "unknown",
    }
}

fn postgres_family(data_type: &str) -> &'static str {
    match data_type {
        "bigint" | "integer" | "smallint" | "boolean" => "integer-or-bool",
        "text" | "timestamp with time zone" | "date" | "jsonb" | "time without time zone" => "text-like",
        "bytea" | "uuid" => "binary",
        "double precision" | "real" => "real",
        _ => "unknown",
    }
}

async fn sqlite_schema(db: &Db) -> Schema {
    let Db::Sqlite(pool) = db else { unreachable!() };
    let mut schema = Schema::default();
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'").fetch_all(pool).await.unwrap();
    for table in tables {
        for row in sqlx::query("SELECT name, type, \"notnull\", pk FROM pragma_table_info($1)").bind(&table).fetch_all(pool).await.unwrap() {
            let name: String = row.get(0);
            let declared: String = row.get(1);
            let not_null: i64 = row.get(2);
            let pk: i64 = row.get(3);
            let nullability = if not_null == 1 || pk > 0 { "not-null" } else { "nullable" };
            schema.columns.insert(format!("{table}.{name} {nullability}"));
            schema.types.insert(format!("{table}.{name} {}", sqlite_family(&declared)));
        }
        for row in sqlx::query("SELECT name, \"unique\", origin FROM pragma_index_list($1)").bind(&table).fetch_all(pool).await.unwrap() {
            let name: String = row.get(0);
            let unique: i64 = row.get(1);
            let origin: String = row.get(2);
            if origin == "pk" {
                continue;
            }
            let columns: Vec<Option<String>> = sqlx::query_scalar("SELECT name FROM pragma_index_info($1) ORDER BY seqno").bind(&name).fetch_all(pool).await.unwrap();
            let columns: Vec<String> = columns.into_iter().map(|c| c.unwrap_or_else(|| "<expr>".into())).collect();
            let unique = if unique == 1 { " unique" } else { "" };
            schema.indexes.insert(format!("{table}({}){unique}", columns.join(",")));
            if origin == "c" {
                schema.indexes.insert(format!("index {name}"));
            }
        }
    }
    schema
}

async fn postgres_schema(db: &Db) -> Schema {
    let Db::Postgres(pool) = db else { unreachable!() };
    let mut schema = Schema::default();
    for row in sqlx::query(
        "SELECT table_name::text, column_name::text, is_nullable::text, data_type::text
         FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap()
    {
        let table: String = row.get(0);
        let column: String = row.get(1);
        let nullable: String = row.get(2);
        let data_type: String = row.get(3);
        let nullability = if nullable == "YES" { "nullable" } else { "not-null" };
        schema.columns.insert(format!("{table}.{column} {nullability}"));
        schema.types.insert(format!("{table}.{column} {}", postgres_family(&data_type)));
    }
    for row in sqlx::query(
        "SELECT t.relname::text, i.relname::text, ix.indisunique,
                (SELECT string_agg(COALESCE(a.attname::text, '<expr>'), ',' ORDER BY k.ord)
                   FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
                   LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum),
                EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid)
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname = 'public' AND NOT ix.indisprimary AND t.relname <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap()
    {
        let table: String = row.get(0);
        let name: String = row.get(1);
        let unique: bool = row.get(2);
        let columns: String = row.get(3);
        let from_constraint: bool = row.get(4);
        let unique = if unique { " unique" } else { "" };
        schema.indexes.insert(format!("{table}({columns}){unique}"));
        if !from_constraint {
            schema.indexes.insert(format!("index {name}"));
        }
    }
    schema
}

fn migration_files(engine: &str) -> BTreeSet<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations");
    std::fs::read_dir(format!("{dir}/{engine}")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

#[tokio::test]
async fn both_engines_have_the_same_migrations_and_schema() {
    assert_eq!(migration_files("sqlite"), migration_files("postgres"), "same migration versions and names");

    let dir = tempfile::tempdir().unwrap();
    let sqlite = Db::connect(&format!("sqlite://{}/schema.db", dir.path().display())).await.unwrap();
    sqlite.migrate().await.unwrap();
    let postgres = Db::connect(&pg::fresh_database().await).await.unwrap();
    postgres.migrate().await.unwrap();

    let a = sqlite_schema(&sqlite).await;
    let b = postgres_schema(&postgres).await;
    assert!(!a.columns.is_empty());
    let diff = |x: &BTreeSet<String>, y: &BTreeSet<String>| x.symmetric_difference(y).cloned().collect::<Vec<_>>();
    assert!(a.columns == b.columns, "columns/nullability drift: {:?}", diff(&a.columns, &b.columns));
    assert!(a.indexes == b.indexes, "index drift: {:?}", diff(&a.indexes, &b.indexes));
    assert!(a.types == b.types, "type drift: {:?}", diff(&a.types, &b.types));
    assert!(!a.types.iter().any(|t| t.ends_with("unknown")), "unmapped type: {:?}", a.types);
    assert!(!b.types.iter().any(|t| t.ends_with("unknown")), "unmapped type: {:?}", b.types);
}

/// Every table that names a person followed (a `person_id` column) is cleared by some area's
/// erasure statement, so a new area cannot forget it: erasing a person must reach its rows.
#[tokio::test]
async fn every_table_naming_a_person_is_cleared_when_the_person_is_erased() {
    // Counts of distinct people per month: the id of an erased person names nobody any more.
    const KEPT: &[&str] = &["people_months"];
    let db = Db::connect("sqlite::memory:").await.unwrap();
    db.migrate().await.unwrap();
    let Db::Sqlite(pool) = &db else { unreachable!() };
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'person_id')")
            .fetch_all(pool)
            .await
            .unwrap();
    assert!(tables.len() >= 4, "{tables:?}");
    relais::areas();
    let steps = relais_core::area::ERASURE.get().unwrap();
    let cleared = |table: &str| steps.iter().any(|s| s.split_whitespace().collect::<Vec<_>>().windows(2).any(|w| w[0] == "UPDATE" && w[1] == table));
    let forgotten: Vec<&String> = tables.iter().filter(|t| !KEPT.contains(&t.as_str()) && !cleared(t)).collect();
    assert!(forgotten.is_empty(), "tables with a person_id that no erasure statement clears: {forgotten:?}");
}
