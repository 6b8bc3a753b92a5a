//! Lists that the service streams, collected whole for the callers that want a list.

use app_core::AppError;

/// The items an operation hands out one at a time (its `each_…` form) as one list.
pub(crate) fn collected<T>(
    each: impl FnOnce(&mut dyn FnMut(T) -> Result<(), AppError>) -> Result<(), AppError>,
) -> Result<Vec<T>, AppError> {
    let mut items = Vec::new();
    each(&mut |item| {
        items.push(item);
        Ok(())
    })?;
    Ok(items)
}
