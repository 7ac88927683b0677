// Every topic the lab has, in teaching order. The lessons, the app and the CLI find topics here and nowhere
// else; topics themselves never import each other.
import type { AnyTopic } from '../core/index';
import { netpolTopic } from './netpol/topic';
import { rbacTopic } from './rbac/topic';
import { podSecurityTopic } from './pod-security/topic';

export const TOPICS: readonly AnyTopic[] = [netpolTopic, rbacTopic, podSecurityTopic];

export const topicById = (id: string): AnyTopic | undefined => TOPICS.find((t) => t.id === id);
