import type { RunCompany, TranslationContext } from '../engine/index.js';
import type { ConsoModel } from '../loading/conso-model.js';

/** How the engine translates one company of the conso, as `runConsolidation` builds it. */
export function translationContextOf(model: ConsoModel, company: RunCompany): TranslationContext {
  return {
    chart: model.chart,
    groupCurrency: model.conso.group_currency,
    currency: company.currency,
    rates: model.rates.rates[company.currency] ?? model.rates.rates[company.code],
    historical: model.rates.historical[company.code] ?? {},
    ctaAccount: company.ctaAccount ?? model.chart.special('cta'),
  };
}
