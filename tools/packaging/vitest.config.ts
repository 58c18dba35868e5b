import { defineConfig } from 'vitest/config';
import { hzVitestConfig } from '../../vitest.shared';

export default defineConfig(hzVitestConfig());
