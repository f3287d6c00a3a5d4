/** A chart in case format with every special role, plus the ordinary accounts the tests use. */
export function standardChart(
  extra: Record<string, Record<string, string>> = {},
): Record<string, Record<string, string>> {
  return {
    CASH: { type: 'BS', rate: 'CC' },
    ASSETS: { type: 'BS', rate: 'CC' },
    LIAB: { type: 'BS', rate: 'CC' },
    REC_IC: { type: 'BS', rate: 'CC', role: 'ic' },
    PAY_IC: { type: 'BS', rate: 'CC', role: 'ic' },
    SC: { type: 'EQ', rate: 'HC' },
    RE: { type: 'EQ', rate: 'HC' },
    DIV_PAID: { type: 'EQ', rate: 'AC' },
    REV: { type: 'PL', rate: 'AC' },
    EXP: { type: 'PL', rate: 'AC' },
    DIV_INC: { type: 'PL', rate: 'AC', role: 'dividend_income' },
    GOODWILL: { type: 'BS', role: 'goodwill' },
    CONSO_RES: { type: 'EQ', role: 'conso_reserves' },
    NCI: { type: 'EQ', role: 'nci' },
    NCI_PL: { type: 'PL', role: 'nci_result' },
    CTA: { type: 'EQ', role: 'cta' },
    EQUITY_VALUE: { type: 'BS', role: 'equity_value' },
    SHARE_EQM: { type: 'PL', role: 'share_of_result_equity_method' },
    ICDIFF_BS: { type: 'BS', role: 'ic_difference' },
    ICDIFF_PL: { type: 'PL', role: 'ic_difference' },
    ...extra,
  };
}
