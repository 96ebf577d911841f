import { z } from 'zod';
import { ZText, ZUuid } from './common.js';

export const ZSchoolYear = z
  .string()
  .regex(/^(\d{4})-(\d{4})$/, { message: 'rule:invalid_school_year' })
  .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, { message: 'rule:invalid_school_year' });

export const ZGroupInput = z.object({
  schoolId: ZUuid,
  name: ZText(60),
  schoolYear: ZSchoolYear,
  teacherIds: z.array(z.string().min(1).max(100)).max(20).default([]),
});
export const ZGroupPatch = z.object({
  name: ZText(60).optional(),
  teacherIds: z.array(z.string().min(1).max(100)).max(20).optional(),
});

export const ZGroup = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  name: z.string(),
  schoolYear: z.string(),
  teachers: z.array(z.object({ id: z.string(), name: z.string() })),
  pupilCount: z.number(),
});
