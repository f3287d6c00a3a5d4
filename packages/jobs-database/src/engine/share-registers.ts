import { InvalidCaseError } from './errors/invalid-case-error.js';
import { UnknownShareClassError } from './errors/unknown-share-class-error.js';
import type { DirectHolding, ShareClass, ShareholdingInput } from './ownership-types.js';
import { Rational } from './rational.js';

/**
 * Turns share counts into direct financial and control percentages. Treasury shares leave
 * both denominators because they carry neither votes nor dividends, and each class weighs
 * its shares by its own votes and dividend rights.
 */
export function directFromShareRegisters(
  shareClasses: Readonly<Record<string, readonly ShareClass[]>>,
  shareholdings: readonly ShareholdingInput[],
): DirectHolding[] {
  const order: string[] = [];
  const totals = new Map<string, { holder: string; held: string; fin: Rational; ctrl: Rational }>();
  for (const holding of shareholdings) {
    const classes = shareClasses[holding.held];
    if (classes === undefined) {
      throw new InvalidCaseError(`share_classes.${holding.held}`, 'no share register for a held company');
    }
    const shareClass = classes.find((c) => c.name === holding.shareClass);
    if (shareClass === undefined) throw new UnknownShareClassError(holding.held, holding.shareClass);
    const shares = Rational.fromNumber(holding.shares);
    const key = `${holding.holder}\u0000${holding.held}`;
    let entry = totals.get(key);
    if (entry === undefined) {
      entry = { holder: holding.holder, held: holding.held, fin: Rational.ZERO, ctrl: Rational.ZERO };
      totals.set(key, entry);
      order.push(key);
    }
    entry.fin = entry.fin.add(shares.mul(Rational.fromNumber(shareClass.dividendRightsPerShare)));
    entry.ctrl = entry.ctrl.add(shares.mul(Rational.fromNumber(shareClass.votesPerShare)));
  }
  return order.map((key) => {
    const entry = totals.get(key);
    if (entry === undefined) throw new RangeError(`lost holding ${key}`);
    const classes = shareClasses[entry.held] ?? [];
    const exactFin = share(
      entry.fin,
      outstanding(classes, (c) => c.dividendRightsPerShare),
    );
    const exactCtrl = share(
      entry.ctrl,
      outstanding(classes, (c) => c.votesPerShare),
    );
    return {
      holder: entry.holder,
      held: entry.held,
      fin: exactFin.toNumber(),
      ctrl: exactCtrl.toNumber(),
      exactFin,
      exactCtrl,
    };
  });
}

/** Σ (issued − treasury) × weight over the classes. */
function outstanding(classes: readonly ShareClass[], weight: (c: ShareClass) => number): Rational {
  return classes.reduce(
    (acc, c) =>
      acc.add(
        Rational.fromNumber(c.issued)
          .sub(Rational.fromNumber(c.treasury))
          .mul(Rational.fromNumber(weight(c))),
      ),
    Rational.ZERO,
  );
}

/** numerator / denominator, where a company with no voting (or no dividend) shares gives 0. */
function share(numerator: Rational, denominator: Rational): Rational {
  return denominator.isZero() ? Rational.ZERO : numerator.div(denominator);
}
