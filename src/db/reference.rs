//! Regions, partner countries and their zones, topics: seeded once from the
//! files under `reference/` (compiled into the binary), editable afterwards.

use super::DbConn;
use super::models::{Country, Region, Topic};
use super::schema::{countries, country_regions, country_time_zones, network_settings, regions, topics};
use crate::domain::lang::Lang;
use crate::domain::zone::TimeZone;
use anyhow::Context;
use diesel::prelude::*;
use std::collections::BTreeMap;

const PARTNER_COUNTRIES: &str = include_str!("../../reference/partner_countries.csv");
const TOPICS: &str = include_str!("../../reference/topics.csv");
const ORGANISER_REGION: &str = "eu-organisers";

#[derive(Debug, serde::Deserialize)]
struct CountryLine {
    region_slug: String,
    region_name: String,
    secretariat_city: String,
    country_iso2: String,
    country_name: String,
    time_zones: String,
}

#[derive(Debug, serde::Deserialize)]
struct TopicLine {
    slug: String,
    name: String,
}

/// Seeds the reference tables when they are empty. Returns whether it did.
pub fn seed_if_empty(conn: &mut DbConn) -> anyhow::Result<bool> {
    let existing: i64 = regions::table.count().get_result(conn)?;
    if existing > 0 {
        return Ok(false);
    }
    let lines: Vec<CountryLine> = csv::Reader::from_reader(PARTNER_COUNTRIES.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .context("reference/partner_countries.csv is malformed")?;
    let topic_lines: Vec<TopicLine> = csv::Reader::from_reader(TOPICS.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .context("reference/topics.csv is malformed")?;

    conn.transaction(|conn| {
        let mut region_ids: BTreeMap<String, i32> = BTreeMap::new();
        let mut country_regions_seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for line in &lines {
            if !region_ids.contains_key(&line.region_slug) {
                let position = i32::try_from(region_ids.len())?;
                let id: i32 = diesel::insert_into(regions::table)
                    .values((
                        regions::slug.eq(&line.region_slug),
                        regions::name.eq(&line.region_name),
                        regions::secretariat_city.eq(&line.secretariat_city),
                        regions::position.eq(position),
                    ))
                    .returning(regions::id)
                    .get_result(conn)?;
                region_ids.insert(line.region_slug.clone(), id);
            }
            let slugs = country_regions_seen.entry(line.country_iso2.clone()).or_default();
            let first_time = slugs.is_empty();
            slugs.push(line.region_slug.clone());
            if first_time {
                let only_organiser = lines
                    .iter()
                    .filter(|l| l.country_iso2 == line.country_iso2)
                    .all(|l| l.region_slug == ORGANISER_REGION);
                diesel::insert_into(countries::table)
                    .values((
                        countries::iso2.eq(&line.country_iso2),
                        countries::name.eq(&line.country_name),
                        countries::status.eq(if only_organiser { "organiser" } else { "partner" }),
                    ))
                    .execute(conn)?;
                for (position, zone) in line.time_zones.split(';').enumerate() {
                    let zone = TimeZone::parse(zone)
                        .map_err(|e| anyhow::anyhow!("zone {zone} of {}: {e}", line.country_iso2))?;
                    diesel::insert_into(country_time_zones::table)
                        .values((
                            country_time_zones::country_iso2.eq(&line.country_iso2),
                            country_time_zones::time_zone.eq(zone.name()),
                            country_time_zones::position.eq(i32::try_from(position)?),
                        ))
                        .execute(conn)?;
                }
            }
            diesel::insert_into(country_regions::table)
                .values((
                    country_regions::country_iso2.eq(&line.country_iso2),
                    country_regions::region_id.eq(region_ids[&line.region_slug]),
                ))
                .execute(conn)?;
        }
        for t in &topic_lines {
            diesel::insert_into(topics::table)
                .values((topics::slug.eq(&t.slug), topics::name.eq(&t.name)))
                .execute(conn)?;
        }
        bump_generation(conn)?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(true)
}

impl Region {
    /// Its key in the names catalogue.
    pub fn name_key(&self) -> String {
        format!("region-{}", self.slug)
    }

    /// Its name for readers of `lang`.
    pub fn name_in(&self, lang: Lang) -> String {
        crate::i18n::name(lang, &self.name_key(), &self.name)
    }
}

impl Country {
    /// Its key in the names catalogue.
    pub fn name_key(&self) -> String {
        format!("country-{}", self.iso2)
    }

    /// Its name for readers of `lang`.
    pub fn name_in(&self, lang: Lang) -> String {
        crate::i18n::name(lang, &self.name_key(), &self.name)
    }
}

impl Topic {
    /// Its name for readers of `lang`.
    pub fn name_in(&self, lang: Lang) -> String {
        crate::i18n::name(lang, &format!("topic-{}", self.slug), &self.name)
    }
}

/// Everything reference, read in four queries; small enough to load whole.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    pub regions: Vec<Region>,
    pub countries: Vec<Country>,
    pub topics: Vec<Topic>,
    /// iso2 → zone names, first is the country's default
    pub zones: BTreeMap<String, Vec<String>>,
    /// iso2 → region ids
    pub country_regions: BTreeMap<String, Vec<i32>>,
    /// What admins set for the whole network.
    pub settings: NetworkSettings,
    /// The `reference_generation` these were read at.
    pub generation: i64,
}

/// Settings of the whole network, kept with the reference data (an edit
/// bumps the same generation, so every instance sees it within 2 s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkSettings {
    /// Registration forms ask for a self-declared gender (optional).
    pub ask_gender: bool,
    /// The network's name, beside Convene's in every page's header.
    pub network_name: String,
    /// A line in every page's footer, such as "Funded by the European Union"; empty: none.
    pub funded_by: String,
    /// The network's logo in the header: its type and bytes (PNG, JPEG or WebP).
    pub logo: Option<(String, Vec<u8>)>,
}

pub use crate::domain::lang::DEFAULT_NETWORK_NAME;

impl NetworkSettings {
    /// The stored `name → value` pairs read into settings; unknown names
    /// are left for a newer version.
    fn from_rows(rows: &[(String, String)]) -> Self {
        let on = |name: &str| rows.iter().any(|(n, v)| n == name && v == "on");
        let text = |name: &str| rows.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        NetworkSettings {
            ask_gender: on(ASK_GENDER),
            network_name: text(NETWORK_NAME).unwrap_or_else(|| DEFAULT_NETWORK_NAME.to_string()),
            funded_by: text(FUNDED_BY).unwrap_or_default(),
            logo: text(LOGO_TYPE).filter(|t| !t.is_empty()).zip(text(LOGO).and_then(|data| {
                use base64::Engine;
                base64::engine::general_purpose::STANDARD.decode(data).ok()
            })),
        }
    }
}

impl Default for NetworkSettings {
    fn default() -> Self {
        Self::from_rows(&[])
    }
}

const ASK_GENDER: &str = "ask_gender";
const NETWORK_NAME: &str = "network_name";
const FUNDED_BY: &str = "funded_by";
const LOGO: &str = "logo";
const LOGO_TYPE: &str = "logo_type";

impl Reference {
    pub fn load(conn: &mut DbConn) -> QueryResult<Self> {
        // The number first: an edit committed between the two reads leaves
        // a newer copy under an older number, which only reloads once more.
        let generation = generation(conn)?;
        let regions = regions::table.order(regions::position).select(Region::as_select()).load(conn)?;
        let countries = countries::table.order(countries::name).select(Country::as_select()).load(conn)?;
        let topics = topics::table.order(topics::name).select(Topic::as_select()).load(conn)?;
        let mut zones: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (iso2, zone) in country_time_zones::table
            .order((country_time_zones::country_iso2, country_time_zones::position))
            .select((country_time_zones::country_iso2, country_time_zones::time_zone))
            .load::<(String, String)>(conn)?
        {
            zones.entry(iso2).or_default().push(zone);
        }
        let mut country_regions: BTreeMap<String, Vec<i32>> = BTreeMap::new();
        for (iso2, region) in country_regions::table
            .select((country_regions::country_iso2, country_regions::region_id))
            .load::<(String, i32)>(conn)?
        {
            country_regions.entry(iso2).or_default().push(region);
        }
        let settings = NetworkSettings::from_rows(
            &network_settings::table
                .select((network_settings::name, network_settings::value))
                .load::<(String, String)>(conn)?,
        );
        Ok(Self { regions, countries, topics, zones, country_regions, settings, generation })
    }

    pub fn region(&self, slug: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.slug == slug)
    }

    pub fn region_by_id(&self, id: i32) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn country(&self, iso2: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso2.eq_ignore_ascii_case(iso2))
    }

    pub fn topic(&self, slug: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.slug == slug)
    }

    pub fn topic_by_id(&self, id: i32) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    pub fn countries_in(&self, region_id: i32) -> Vec<&Country> {
        self.countries.iter().filter(|c| self.in_region(&c.iso2, region_id)).collect()
    }

    /// Whether a country belongs to a region: one map look-up, for code
    /// that asks it of every registration.
    pub fn in_region(&self, iso2: &str, region_id: i32) -> bool {
        self.country_regions.get(iso2).is_some_and(|r| r.contains(&region_id))
    }

    /// The regions a country belongs to.
    pub fn regions_of<'a>(&'a self, iso2: &str) -> impl Iterator<Item = &'a Region> + 'a {
        let ids = self.country_regions.get(iso2).map(Vec::as_slice).unwrap_or_default();
        self.regions.iter().filter(move |g| ids.contains(&g.id))
    }

    pub fn region_slugs_of(&self, iso2: &str) -> Vec<String> {
        self.regions_of(iso2).map(|r| r.slug.clone()).collect()
    }

    pub fn zones_of(&self, iso2: &str) -> &[String] {
        self.zones.get(iso2).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Admins' edits of the reference data, each in one transaction with its
/// audit entry. Slugs and codes never change: links and feeds use them.
/// The number that rises with each edit of the reference data.
pub fn generation(conn: &mut DbConn) -> QueryResult<i64> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        value: i64,
    }
    let row: Row = diesel::sql_query("SELECT value FROM reference_generation WHERE id = 1").get_result(conn)?;
    Ok(row.value)
}

/// Inside an edit's transaction.
fn bump_generation(conn: &mut DbConn) -> QueryResult<()> {
    diesel::sql_query("UPDATE reference_generation SET value = value + 1 WHERE id = 1").execute(conn)?;
    Ok(())
}

/// The reference data this process serves: every page and request reads it
/// from here, never from the database. Edits through this instance replace
/// it at once ([`Cache::reload`]); a job checks the generation every few
/// seconds ([`Cache::refresh`]) for edits made through other instances.
#[derive(Debug)]
pub struct Cache(std::sync::RwLock<std::sync::Arc<Reference>>);

impl Cache {
    pub fn new(reference: Reference) -> Self {
        Self(std::sync::RwLock::new(std::sync::Arc::new(reference)))
    }

    pub fn get(&self) -> std::sync::Arc<Reference> {
        match self.0.read() {
            Ok(r) => std::sync::Arc::clone(&r),
            Err(poisoned) => std::sync::Arc::clone(&poisoned.into_inner()),
        }
    }

    fn set(&self, reference: Reference) {
        match self.0.write() {
            Ok(mut r) => *r = std::sync::Arc::new(reference),
            Err(poisoned) => *poisoned.into_inner() = std::sync::Arc::new(reference),
        }
    }

    /// Reads the reference data again, whatever the generation.
    pub fn reload(&self, conn: &mut DbConn) -> QueryResult<()> {
        self.set(Reference::load(conn)?);
        Ok(())
    }

    /// Reloads when the reference data changed since it was read; true if it did.
    pub fn refresh(&self, conn: &mut DbConn) -> QueryResult<bool> {
        if generation(conn)? == self.get().generation {
            return Ok(false);
        }
        self.reload(conn)?;
        Ok(true)
    }
}

pub mod edit {
    use super::super::schema::{country_time_zones, topics};
    use super::super::{DbConn, audit, write_transaction};
    use crate::domain::zone::TimeZone;
    use diesel::prelude::*;
    use serde_json::json;

    /// Adds a topic; false when the slug is taken.
    pub fn add_topic(conn: &mut DbConn, slug: &str, name: &str, actor: &str) -> QueryResult<bool> {
        write_transaction(conn, |conn| {
            let taken: bool =
                diesel::select(diesel::dsl::exists(topics::table.filter(topics::slug.eq(slug)))).get_result(conn)?;
            if taken {
                return Ok(false);
            }
            diesel::insert_into(topics::table).values((topics::slug.eq(slug), topics::name.eq(name))).execute(conn)?;
            super::bump_generation(conn)?;
            audit::record(
                conn,
                actor,
                "reference.topic.create",
                None,
                None,
                &serde_json::Value::Null,
                &json!({"slug": slug, "name": name}),
            )?;
            Ok(true)
        })
    }

    /// Renames a topic; false when there is none with this slug.
    pub fn rename_topic(conn: &mut DbConn, slug: &str, name: &str, actor: &str) -> QueryResult<bool> {
        write_transaction(conn, |conn| {
            let Some(before): Option<String> =
                topics::table.filter(topics::slug.eq(slug)).select(topics::name).first(conn).optional()?
            else {
                return Ok(false);
            };
            diesel::update(topics::table.filter(topics::slug.eq(slug))).set(topics::name.eq(name)).execute(conn)?;
            super::bump_generation(conn)?;
            audit::record(
                conn,
                actor,
                "reference.topic.update",
                None,
                None,
                &json!({"slug": slug, "name": before}),
                &json!({"slug": slug, "name": name}),
            )?;
            Ok(true)
        })
    }

    /// Turns asking for gender on or off; false when it already was so.
    pub fn set_ask_gender(conn: &mut DbConn, on: bool, actor: &str) -> QueryResult<bool> {
        set_setting(conn, super::ASK_GENDER, if on { "on" } else { "off" }, "settings.ask_gender", actor)
    }

    /// The network's name and "funded by" line, as shown on every page;
    /// false when both already were so.
    pub fn set_identity(conn: &mut DbConn, name: &str, funded_by: &str, actor: &str) -> QueryResult<bool> {
        write_transaction(conn, |conn| {
            let a = set_setting(conn, super::NETWORK_NAME, name, "settings.network_name", actor)?;
            let b = set_setting(conn, super::FUNDED_BY, funded_by, "settings.funded_by", actor)?;
            Ok(a || b)
        })
    }

    /// The network's logo, or none; audited by its type and size (never
    /// its bytes). `logo`: a type `domain::material::image_type` gave, and the bytes.
    pub fn set_logo(conn: &mut DbConn, logo: Option<(&str, &[u8])>, actor: &str) -> QueryResult<()> {
        use super::super::schema::network_settings as ns;
        use base64::Engine;
        write_transaction(conn, |conn| {
            let before: Option<String> =
                ns::table.filter(ns::name.eq(super::LOGO_TYPE)).select(ns::value).first(conn).optional()?;
            diesel::delete(ns::table.filter(ns::name.eq_any([super::LOGO, super::LOGO_TYPE]))).execute(conn)?;
            if let Some((content_type, bytes)) = logo {
                let data = base64::engine::general_purpose::STANDARD.encode(bytes);
                for (name, value) in [(super::LOGO_TYPE, content_type.to_string()), (super::LOGO, data)] {
                    diesel::insert_into(ns::table).values((ns::name.eq(name), ns::value.eq(value))).execute(conn)?;
                }
            }
            super::bump_generation(conn)?;
            let after = logo.map(|(t, b)| json!({"type": t, "bytes": b.len()}));
            audit::record(conn, actor, "settings.logo", None, None, &json!({"logo": before}), &json!({"logo": after}))?;
            Ok(())
        })
    }

    /// One setting, with the audit row saying what it was and is: false
    /// (nothing written) when it already held `value`.
    fn set_setting(conn: &mut DbConn, name: &str, value: &str, action: &str, actor: &str) -> QueryResult<bool> {
        use super::super::schema::network_settings as ns;
        write_transaction(conn, |conn| {
            let before: Option<String> =
                ns::table.filter(ns::name.eq(name)).select(ns::value).first(conn).optional()?;
            if before.as_deref() == Some(value) {
                return Ok(false);
            }
            diesel::delete(ns::table.filter(ns::name.eq(name))).execute(conn)?;
            diesel::insert_into(ns::table).values((ns::name.eq(name), ns::value.eq(value))).execute(conn)?;
            super::bump_generation(conn)?;
            // A switch reads as one (true/false), a text as itself.
            let shown = |v: Option<&str>| match v {
                Some("on") => json!(true),
                Some("off") | None if name == super::ASK_GENDER => json!(false),
                other => json!(other),
            };
            audit::record(
                conn,
                actor,
                action,
                None,
                None,
                &json!({name: shown(before.as_deref())}),
                &json!({name: shown(Some(value))}),
            )?;
            Ok(true)
        })
    }

    /// A country's zones, the first its default for participants.
    /// False when there is no such country.
    pub fn set_zones(conn: &mut DbConn, iso2: &str, zones: &[TimeZone], actor: &str) -> QueryResult<bool> {
        write_transaction(conn, |conn| {
            let before: Vec<String> = country_time_zones::table
                .filter(country_time_zones::country_iso2.eq(iso2))
                .order(country_time_zones::position)
                .select(country_time_zones::time_zone)
                .load(conn)?;
            if before.is_empty() {
                return Ok(false);
            }
            diesel::delete(country_time_zones::table.filter(country_time_zones::country_iso2.eq(iso2)))
                .execute(conn)?;
            for (position, zone) in zones.iter().enumerate() {
                diesel::insert_into(country_time_zones::table)
                    .values((
                        country_time_zones::country_iso2.eq(iso2),
                        country_time_zones::time_zone.eq(zone.name()),
                        country_time_zones::position.eq(position as i32),
                    ))
                    .execute(conn)?;
            }
            let after: Vec<&str> = zones.iter().map(|z| z.name()).collect();
            super::bump_generation(conn)?;
            audit::record(
                conn,
                actor,
                "reference.country.zones",
                None,
                None,
                &json!({"country": iso2, "zones": before}),
                &json!({"country": iso2, "zones": after}),
            )?;
            Ok(true)
        })
    }
}
