import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVITIES, matchActivities } from './activities.ts';
import { BUILT_IN_TARGETS } from './targets.ts';

test('every activity is complete: themes, target groups, settings, financing and a recognition status', () => {
  const ids = new Set<string>();
  for (const activity of ACTIVITIES) {
    assert.ok(!ids.has(activity.id), `duplicate id ${activity.id}`);
    ids.add(activity.id);
    assert.ok(activity.themes.length > 0 && activity.settings.length > 0 && activity.financing.length > 0, activity.id);
    assert.ok(activity.targetGroups.length > 0, activity.id);
    assert.ok(['erkend', 'onbekend'].includes(activity.recognition.status), activity.id);
    assert.ok(activity.descriptionNl.length > 40, activity.id);
  }
});

test('every built-in target group has at least one activity, and every activity names a known target group', () => {
  const targetIds = new Set([...BUILT_IN_TARGETS.map((t) => t.id), 'diabetes-type-2']);
  for (const id of targetIds) assert.ok(ACTIVITIES.some((a) => a.targetGroups.includes(id)), `no activity for ${id}`);
  for (const activity of ACTIVITIES) {
    for (const id of activity.targetGroups) assert.ok(targetIds.has(id), `${activity.id} names unknown target ${id}`);
  }
});

test('matchActivities puts activities for the target group first and favours those fitting the neighbourhood', () => {
  const matches = matchActivities('verhoogd-risico-diabetes-type-2', { tags: ['migratieachtergrond', 'geldzorgen'] });
  const forGroup = matches.filter((m) => m.forTargetGroup);
  assert.ok(forGroup.length >= 3);
  assert.ok(matches.findIndex((m) => !m.forTargetGroup) === -1 || matches.findIndex((m) => !m.forTargetGroup) >= forGroup.length);
  // Cooking together fits both tags and needs little Dutch: 3 + 2 + 1; the community programme fits one tag: 3 + 1 + 1.
  assert.deepEqual([matches[0]!.activity.id, matches[0]!.score], ['gezond-koken-buurthuis', 6]);
  const community = matches.find((m) => m.activity.id === 'diabetespreventie-hindostaans')!;
  assert.equal(community.score, 5);
  assert.deepEqual(community.reasonsNl, [
    'bedoeld voor deze doelgroep',
    'past bij de wijk: migratieachtergrond',
    'ook bruikbaar voor wie weinig Nederlands leest',
  ]);
  // A GLI with Dutch-language group sessions scores only for the target group here.
  assert.equal(matches.find((m) => m.activity.id === 'gli-cool')!.score, 3);
  // Money-stress help does not target the group but fits the neighbourhood.
  const debt = matches.find((m) => m.activity.id === 'schuldhulp')!;
  assert.equal(debt.forTargetGroup, false);
});

test('matchActivities without a neighbourhood type returns the activities for the target group only', () => {
  const matches = matchActivities('ouderen-valrisico', null);
  assert.deepEqual(matches.map((m) => m.activity.id).sort(), ['valpreventie-halt-u-valt', 'valpreventie-in-balans', 'valpreventie-otago']);
  assert.ok(matches.every((m) => m.score === 3));
});
