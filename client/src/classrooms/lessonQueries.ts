/** The lessons' GraphQL operations, in one place. */
export const LIVE_LESSONS = 'query LiveLessons { lessons(live: true) { id hostSchoolId remoteSchoolIds startsAt endsAt } }';

export const LESSON_UPDATES = 'subscription LessonUpdates { lessonUpdates { lessonId hostSchoolId remoteSchoolIds startsAt endsAt } }';
