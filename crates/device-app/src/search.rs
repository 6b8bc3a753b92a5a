//! Searches and filter values over device details, device types and sub-types and SBIs, on the
//! shared search engine. A caller who is not an admin finds its own provider's rows only.

use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto, filter_values};
use app_core::{Actor, AppError, Store};
use persistence::repo::device::{detail, mapping, sbi, types};
use persistence::search::{self, Criterion, Entity, Op, SearchQuery};

use crate::DeviceConfig;
use crate::dto::{DeviceDetailItem, DeviceSubTypeItem, MappedDeviceItem, SbiItem};

/// The criterion that keeps a caller who is not an admin to its own rows.
fn own_rows(actor: &Actor, column: &str) -> Option<Criterion> {
    (!actor.is_admin).then(|| Criterion::new(column, Op::In(vec![actor.user_id.clone()])))
}

fn page<T>(items: Vec<T>, q: &SearchQuery, total: i64) -> PageResponse<T> {
    PageResponse::new(items, q.page_start.saturating_mul(q.page_fetch), total)
}

/// Runs `req` over `entity` (restricted to the caller's rows by `owner`, when given) and loads
/// the page's rows with `load`.
fn run<T>(
    store: &Store,
    actor: &Actor,
    req: SearchDto,
    entity: Entity,
    owner: Option<&str>,
    load: impl FnOnce(&mut persistence::DbConnection, &[String]) -> Result<Vec<T>, persistence::QueryError>,
) -> Result<PageResponse<T>, AppError> {
    store.read(|tx| {
        let mut valid = req.validate(entity, &[])?;
        valid.query.criteria.extend(owner.and_then(|o| own_rows(actor, o)));
        let (ids, total) = search::search_ids(tx.conn, entity, &valid.query, store.count_limit())?;
        let items = load(tx.conn, &ids)?;
        Ok(page(items, &valid.query, total))
    })
}

/// `POST /devicedetail/search`.
pub fn details(store: &Store, actor: &Actor, req: SearchDto) -> Result<PageResponse<DeviceDetailItem>, AppError> {
    run(store, actor, req, Entity::DeviceDetail, Some("deviceProviderId"), |conn, ids| {
        Ok(detail::in_order_of(conn, ids)?.into_iter().map(DeviceDetailItem::from).collect())
    })
}

/// `POST /devicedetail/deviceType/search`: MOSIP searches the sub-types here.
pub fn sub_types(store: &Store, actor: &Actor, req: SearchDto) -> Result<PageResponse<DeviceSubTypeItem>, AppError> {
    run(store, actor, req, Entity::DeviceSubType, None, |conn, ids| {
        Ok(types::sub_types_in_order(conn, ids)?.into_iter().map(DeviceSubTypeItem::from).collect())
    })
}

/// `POST /securebiometricinterface/search`.
pub fn sbis(store: &Store, actor: &Actor, req: SearchDto) -> Result<PageResponse<SbiItem>, AppError> {
    run(store, actor, req, Entity::Sbi, Some("providerId"), |conn, ids| {
        Ok(sbi::in_order_of(conn, ids)?.into_iter().map(SbiItem::from).collect())
    })
}

/// `POST /securebiometricinterface/devicedetails/map/search` (deprecated by MOSIP 1.2.2): the
/// device-SBI mappings with their device's and SBI's fields.
pub fn mappings(store: &Store, actor: &Actor, req: SearchDto) -> Result<PageResponse<MappedDeviceItem>, AppError> {
    run(store, actor, req, Entity::SbiMapping, Some("providerId"), |conn, ids| {
        Ok(mapping::mapped_in_order_of(conn, ids)?.into_iter().map(MappedDeviceItem::from).collect())
    })
}

/// The filter values of `entity`'s columns among the rows the caller may see.
pub fn values(
    store: &Store,
    actor: &Actor,
    cfg: &DeviceConfig,
    req: FilterValueDto,
    entity: Entity,
) -> Result<FilterResponse, AppError> {
    let owner = match entity {
        Entity::DeviceDetail => Some("deviceProviderId"),
        Entity::Sbi => Some("providerId"),
        _ => None,
    };
    store.read(|tx| {
        let columns = req.validate(entity)?;
        let mut criteria = req.optional_criteria();
        criteria.extend(owner.and_then(|o| own_rows(actor, o)));
        filter_values(tx.conn, entity, &columns, &criteria, cfg.filter_values_max)
    })
}

// ---- FTM chips

/// `POST /ftpchipdetail/search`.
pub fn ftm_chips(
    store: &Store,
    actor: &Actor,
    req: SearchDto,
) -> Result<PageResponse<crate::ftm::FtmChipItem>, AppError> {
    run(store, actor, req, Entity::FtmChip, Some("ftpProviderId"), |conn, ids| {
        Ok(persistence::repo::device::ftm::in_order_of(conn, ids)?
            .into_iter()
            .map(crate::ftm::FtmChipItem::from)
            .collect())
    })
}
