/** Word lists the generator combines into believable people, companies and jobs. */
export const FIRST_NAMES = [
  'Amara', 'Ben', 'Chloé', 'Dmitri', 'Elif', 'Felix', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam', 'Maya',
  'Noah', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoe',
  'Aisha', 'Bruno', 'Carmen', 'Daniel', 'Emma', 'Farid', 'Greta', 'Hannah', 'Ivan', 'Julia', 'Kenji', 'Lena',
] as const;

export const LAST_NAMES = [
  'Adeyemi', 'Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Hansen', 'Ivanova', 'Jensen', 'Kowalski',
  'Lindqvist', 'Müller', 'Nakamura', 'Okafor', 'Patel', 'Quintero', 'Rossi', 'Schmidt', 'Tanaka', 'Ueda', 'Vogel',
  'Weber', 'Xu', 'Yilmaz', 'Zhang', 'Andersson', 'Baker', 'Chen', 'Dahl', 'Evans', 'Fernández', 'Gupta', 'Huber',
] as const;

export const COMPANIES = [
  'Northwind', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Fintech', 'Hooli', 'Vandelay',
  'Soylent Foods', 'Tyrell Systems', 'Cyberdyne', 'Aperture Labs', 'Massive Dynamic', 'Pied Piper', 'Acme Retail',
] as const;

export const DEPARTMENTS = ['Engineering', 'Product', 'Design', 'Sales', 'Marketing', 'Finance', 'People', 'Support'] as const;

export const JOB_TITLES = [
  'Backend Engineer', 'Frontend Engineer', 'Data Engineer', 'Product Manager', 'Product Designer', 'Account Executive',
  'Marketing Manager', 'Financial Analyst', 'People Partner', 'Support Specialist', 'Site Reliability Engineer',
  'Engineering Manager', 'QA Engineer', 'Solutions Consultant', 'Content Strategist',
] as const;

export const SENIORITIES = ['Junior', '', 'Senior', 'Staff', 'Lead'] as const;

export const LOCATIONS = ['Berlin', 'London', 'Lisbon', 'Amsterdam', 'Remote (EU)', 'Stockholm', 'Madrid', 'Warsaw'] as const;

export const SKILLS = [
  'TypeScript', 'Go', 'Python', 'Kotlin', 'React', 'PostgreSQL', 'Kubernetes', 'AWS', 'Figma', 'SQL', 'Salesforce',
  'Negotiation', 'Excel', 'Copywriting', 'Terraform', 'Rust', 'GraphQL', 'CouchDB', 'Accessibility', 'Analytics',
] as const;

export const TAGS = ['strong-referral', 'relocation', 'visa', 'returning', 'silver-medalist', 'diversity-sourcing'] as const;

export const REJECTION_REASONS = [
  'Not enough relevant experience',
  'Went with a stronger candidate',
  'Salary expectations too far apart',
  'Candidate withdrew',
  'Did not pass the technical interview',
  'Role was filled',
] as const;
