// The applicant of the seed article's worked example, used by tests, the benchmark and
// screenshots: Step 1 213 first attempt, Step 2 CK 230 first attempt, needs J-1.
import { EMPTY_PROFILE, type Profile } from '../domain/profile';

export function seedExampleProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    ...EMPTY_PROFILE,
    fullName: 'Amina Rahman',
    email: 'amina@example.com',
    medicalSchool: 'Example Medical College',
    country: 'Pakistan',
    aamcId: '12345678',
    graduationYear: 2022,
    step1Result: 'numeric',
    step1Score: 213,
    step1Attempts: 1,
    step2ckStatus: 'passed',
    step2ckScore: 230,
    step2ckAttempts: 1,
    step2ckDate: '2026-05-20',
    ecfmgStatus: 'in_progress',
    oetStatus: 'passed',
    visaNeed: 'j1',
    usce: [{ id: 'u1', type: 'sub_internship', specialty: 'General Surgery', surgical: true, weeks: 8, hospital: 'Mercy Example Hospital', state: 'OH', handsOn: true }],
    researchCount: 3,
    leadershipCount: 1,
    teachingCount: 2,
    ...overrides,
  };
}
