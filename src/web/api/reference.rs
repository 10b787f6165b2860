//! `/api/v1/regions`, `/countries`, `/topics`: reference data.

use crate::error::AppError;
use crate::web::State;
use actix_web::HttpResponse;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct RegionOut {
    #[schema(example = "south-east-asia")]
    pub slug: String,
    pub name: String,
    pub secretariat_city: String,
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CountryOut {
    #[schema(example = "ID")]
    pub iso2: String,
    pub name: String,
    /// `partner` or `organiser`.
    pub status: String,
    /// IANA zones; the first is the default for participants.
    pub time_zones: Vec<String>,
    /// Region slugs.
    pub regions: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TopicOut {
    pub slug: String,
    pub name: String,
}

/// Regions with their countries.
#[utoipa::path(get, path = "/api/v1/regions", tag = "reference", responses((status = 200, body = Vec<RegionOut>)))]
pub async fn list_regions(state: State) -> Result<HttpResponse, AppError> {
    let r = state.reference();
    let out: Vec<RegionOut> = r
        .regions
        .iter()
        .map(|region| RegionOut {
            slug: region.slug.clone(),
            name: region.name.clone(),
            secretariat_city: region.secretariat_city.clone(),
            countries: r.countries_in(region.id).iter().map(|c| c.iso2.clone()).collect(),
        })
        .collect();
    Ok(HttpResponse::Ok().json(out))
}

/// Partner and organiser countries with their zones and regions.
#[utoipa::path(get, path = "/api/v1/countries", tag = "reference", responses((status = 200, body = Vec<CountryOut>)))]
pub async fn list_countries(state: State) -> Result<HttpResponse, AppError> {
    let r = state.reference();
    let out: Vec<CountryOut> = r
        .countries
        .iter()
        .map(|c| CountryOut {
            iso2: c.iso2.clone(),
            name: c.name.clone(),
            status: c.status.clone(),
            time_zones: r.zones_of(&c.iso2).to_vec(),
            regions: r.region_slugs_of(&c.iso2),
        })
        .collect();
    Ok(HttpResponse::Ok().json(out))
}

/// Topics sessions are tagged with.
#[utoipa::path(get, path = "/api/v1/topics", tag = "reference", responses((status = 200, body = Vec<TopicOut>)))]
pub async fn list_topics(state: State) -> Result<HttpResponse, AppError> {
    let r = state.reference();
    let out: Vec<TopicOut> = r.topics.iter().map(|t| TopicOut { slug: t.slug.clone(), name: t.name.clone() }).collect();
    Ok(HttpResponse::Ok().json(out))
}
