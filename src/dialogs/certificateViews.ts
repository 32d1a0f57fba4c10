import type { TurnContext } from 'botbuilder';
import { EXPIRY_NOTICE_DAYS, type ListedCertificate } from '../domain/certificates';
import { formatDate } from '../language/dates';
import { text, turnInfo } from './turn';

/** What the İşlemler Menüsü shows of a citizen's certificates: Sertifika Listele, and the days left with the renewal steps. */

/**
 * Sertifika Listele: each certificate with its dates as people write them and the days left; for
 * one that runs out within 30 days (or has), a notice and, once, the renewal steps; and where the
 * PIN / PUK state shows.
 */
export function certificateList(context: TurnContext, certificates: readonly ListedCertificate[]): string {
  if (certificates.length === 0) return text(context, 'certificates.none');
  const { locale } = turnInfo(context);
  const lines = certificates.map((certificate) =>
    text(context, 'certificates.line', {
      serial: certificate.serial,
      kind: certificate.kind,
      from: formatDate(locale, certificate.notBefore),
      to: formatDate(locale, certificate.notAfter),
      remaining: certificate.status === 'revoked' ? '' : remaining(context, certificate.daysLeft),
      status: text(context, `certificates.status.${certificate.status}`),
      published: text(context, certificate.published ? 'certificates.published' : 'certificates.notPublished'),
    }),
  );
  const notices = certificates
    .filter((certificate) => certificate.status !== 'revoked' && certificate.daysLeft <= EXPIRY_NOTICE_DAYS)
    .map((certificate) => {
      const params = { serial: certificate.serial, date: formatDate(locale, certificate.notAfter), days: certificate.daysLeft };
      return text(context, certificate.daysLeft < 0 ? 'certificates.expired' : 'certificates.expiresSoon', params);
    });
  return [
    [text(context, 'certificates.header'), ...lines].join('\n'),
    ...notices,
    ...(notices.length > 0 ? [text(context, 'renewal.steps')] : []),
    text(context, 'certificates.pinPukState'),
  ].join('\n\n');
}

/**
 * "Sertifikam ne zaman bitiyor": the last day and the days left of every certificate that can
 * still run out (a revoked one has ended for good), the soonest first, then the renewal steps,
 * which are asked for even when no certificate is left to watch.
 */
export function expiryView(context: TurnContext, certificates: readonly ListedCertificate[]): string {
  const { locale } = turnInfo(context);
  const watched = certificates.filter((certificate) => certificate.status !== 'revoked').sort((a, b) => a.daysLeft - b.daysLeft);
  const days =
    watched.length === 0
      ? text(context, 'expiry.none')
      : [
          text(context, 'expiry.header'),
          ...watched.map((certificate) =>
            text(context, 'expiry.line', {
              serial: certificate.serial,
              date: formatDate(locale, certificate.notAfter),
              remaining: remaining(context, certificate.daysLeft),
            }),
          ),
        ].join('\n');
  return [days, text(context, 'renewal.steps')].join('\n\n');
}

function remaining(context: TurnContext, daysLeft: number): string {
  if (daysLeft < 0) return text(context, 'certificates.remainingExpired');
  if (daysLeft === 0) return text(context, 'certificates.remainingToday');
  return text(context, 'certificates.remaining', { days: daysLeft });
}
