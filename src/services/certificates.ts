export type CertificateStatus = 'pending' | 'active' | 'revoked';

export type Certificate = {
  serial: string;
  kind: string;
  cardSerial: string | null;
  status: CertificateStatus;
  published: boolean;
  notBefore: string;
  notAfter: string;
};

export interface CertificateRepository {
  certificatesOf(citizenId: string): Promise<Certificate[]>;
}

/** Sertifika Listele and, later, the operations that change a certificate's status. */
export class CertificateService {
  constructor(private readonly repository: CertificateRepository) {}

  list(citizenId: string): Promise<Certificate[]> {
    return this.repository.certificatesOf(citizenId);
  }
}
