import type { User } from '#shared/domain/user/user-schema';

/** Ids of the demo organisation's staff accounts (SPEC §8). */
export const DEMO_USER_IDS = {
  admin: 'user-admin',
  hiringManager: 'user-hr-manager',
  recruiter1: 'user-recruiter-1',
  recruiter2: 'user-recruiter-2',
  interviewer1: 'user-interviewer-1',
  interviewer2: 'user-interviewer-2',
  interviewer3: 'user-interviewer-3',
} as const;

const U = DEMO_USER_IDS;

/** The staff directory of SPEC §8: one admin, one hiring manager, two recruiters, three interviewers. */
export function buildDemoUsers(now: number): User[] {
  const users: Omit<User, 'updatedAt'>[] = [
    { id: U.admin, name: 'Alex Morgan', email: 'admin@example.com', role: 'admin', active: true },
    {
      id: U.hiringManager,
      name: 'Priya Raman',
      email: 'hr.manager@example.com',
      role: 'hiring_manager',
      active: true,
    },
    {
      id: U.recruiter1,
      name: 'Jordan Ellis',
      email: 'recruiter1@example.com',
      role: 'recruiter',
      active: true,
    },
    {
      id: U.recruiter2,
      name: 'Sofia Marquez',
      email: 'recruiter2@example.com',
      role: 'recruiter',
      active: true,
    },
    // Daniel leads backend; Hannah is the design lead; Marcus is a staff engineer on the data platform.
    {
      id: U.interviewer1,
      name: 'Daniel Kim',
      email: 'interviewer1@example.com',
      role: 'interviewer',
      active: true,
    },
    {
      id: U.interviewer2,
      name: 'Hannah Weber',
      email: 'interviewer2@example.com',
      role: 'interviewer',
      active: true,
    },
    {
      id: U.interviewer3,
      name: 'Marcus Thompson',
      email: 'interviewer3@example.com',
      role: 'interviewer',
      active: true,
    },
  ];
  return users.map((user) => ({ ...user, updatedAt: now }));
}
