/*
 * ablate4j_mujoco.c: the flat JNI shim between dev.ablate4j.env.mujoco.MujocoNative and MuJoCo, either
 * Debian's 2.2.x or a 3.x (the pip wheel's or a release archive's). A shim is compiled against one
 * MuJoCo's headers and only runs with that version (mjModel/mjData change layout between releases);
 * headerVersion() tells the Java side which, and it checks that against mj_version() before use.
 *
 * API differences handled here (compile time, mjVERSION_HEADER: 222 for 2.2.2, 3014000 for 3.14.0):
 *   - in-memory model file: 2.x mj_makeEmptyFileVFS + filedata; 3.x mj_addBufferVFS (the VFS is opaque)
 * Everything else this shim touches (mj_loadXML, mj_resetData, mj_forward, mj_step,
 * mj_rnePostConstraint, mju_user_error/warning and the mjModel/mjData fields read or written) has
 * the same name and meaning in both.
 *
 * One "sim" = one mjModel + one mjData, behind an opaque jlong handle. Every function takes or
 * returns primitive arrays only; one environment step is one JNI call (step), which copies the
 * control in, runs the substeps and copies a fixed "readout" of mjData arrays out.
 *
 * Readout layout (chosen per sim by a bit mask at load time, always in this order):
 *   bit 0 qpos (nq) | bit 1 qvel (nv) | bit 2 xipos (3*nbody) | bit 3 cinert (10*nbody)
 *   bit 4 cvel (6*nbody) | bit 5 qfrc_actuator (nv) | bit 6 cfrc_ext (6*nbody)
 * If bit 6 is set, mj_rnePostConstraint runs after the substeps (as Gymnasium does), because
 * MuJoCo only fills cfrc_ext on demand.
 *
 * State layout (getState/setState): time, qpos (nq), qvel (nv), act (na), qacc_warmstart (nv),
 * ctrl (nu). That is everything mj_step reads from mjData for these models (no mocap bodies,
 * no applied forces, no plugins), so restore + step repeats the original step bit for bit.
 *
 * MuJoCo errors (mju_error) do not exit the JVM: the handler jumps back to the JNI entry, which
 * resets the data and throws IllegalStateException. Warnings go to stderr, once per kind and data.
 *
 * Build (the Maven profiles "mujoco" and "mujoco-home" do this):
 *   gcc -O2 -fPIC -shared -I$JAVA_HOME/include -I$JAVA_HOME/include/linux \
 *       ablate4j_mujoco.c -o libablate4j_mujoco.so -lmujoco
 *   gcc ... -I$MUJOCO_HOME/include ablate4j_mujoco.c -o ... $MUJOCO_HOME/libmujoco.so.3.14.0
 */
#include <jni.h>
#include <mujoco/mujoco.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if !defined(mjVERSION_HEADER)
#error "mujoco.h defines no mjVERSION_HEADER"
#elif mjVERSION_HEADER >= 3000000
#define ABLATE4J_MUJOCO3 1
#elif mjVERSION_HEADER < 220 || mjVERSION_HEADER >= 300
#error "ablate4j's shim supports MuJoCo 2.2.x and 3.x"
#endif

#define READ_QPOS 1
#define READ_QVEL 2
#define READ_XIPOS 4
#define READ_CINERT 8
#define READ_CVEL 16
#define READ_QFRC_ACTUATOR 32
#define READ_CFRC_EXT 64
#define READ_ALL 127

typedef struct {
  mjModel* m;
  mjData* d;
  int mask;
  int readout_size;
} Sim;

/* ---------------------------------------------------------------- error handling */

static __thread jmp_buf* error_jump = NULL;
static __thread char error_text[1024];

static void on_mujoco_error(const char* msg) {
  snprintf(error_text, sizeof error_text, "%s", msg);
  if (error_jump != NULL) {
    longjmp(*error_jump, 1);
  }
  fprintf(stderr, "ablate4j: fatal MuJoCo error outside a guarded call: %s\n", msg);
  abort();
}

static void on_mujoco_warning(const char* msg) {
  fprintf(stderr, "ablate4j: MuJoCo warning: %s\n", msg);
}

static void throw_java(JNIEnv* env, const char* cls, const char* msg) {
  jclass c = (*env)->FindClass(env, cls);
  if (c != NULL) {
    (*env)->ThrowNew(env, c, msg);
  }
}

/* Runs `body` with MuJoCo errors turned into IllegalStateException (data reset afterwards). */
#define GUARDED(env, sim, body)                                                  \
  do {                                                                           \
    jmp_buf jump_;                                                               \
    if (setjmp(jump_) != 0) {                                                    \
      error_jump = NULL;                                                         \
      mj_resetData((sim)->m, (sim)->d);                                          \
      char text_[1100];                                                          \
      snprintf(text_, sizeof text_, "MuJoCo error: %s", error_text);             \
      throw_java(env, "java/lang/IllegalStateException", text_);                 \
      return;                                                                    \
    }                                                                            \
    error_jump = &jump_;                                                         \
    body;                                                                        \
    error_jump = NULL;                                                           \
  } while (0)

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM* vm, void* reserved) {
  (void)vm;
  (void)reserved;
  mju_user_error = on_mujoco_error;
  mju_user_warning = on_mujoco_warning;
  return JNI_VERSION_1_8;
}

/* ---------------------------------------------------------------- helpers */

static Sim* sim_of(jlong handle) { return (Sim*)(intptr_t)handle; }

static int readout_size(const mjModel* m, int mask) {
  int n = 0;
  if (mask & READ_QPOS) n += m->nq;
  if (mask & READ_QVEL) n += m->nv;
  if (mask & READ_XIPOS) n += 3 * m->nbody;
  if (mask & READ_CINERT) n += 10 * m->nbody;
  if (mask & READ_CVEL) n += 6 * m->nbody;
  if (mask & READ_QFRC_ACTUATOR) n += m->nv;
  if (mask & READ_CFRC_EXT) n += 6 * m->nbody;
  return n;
}

static int state_size(const mjModel* m) { return 1 + m->nq + 2 * m->nv + m->na + m->nu; }

static void put(JNIEnv* env, jdoubleArray out, int* at, int n, const mjtNum* src) {
  if (n > 0) {
    (*env)->SetDoubleArrayRegion(env, out, *at, n, src);
  }
  *at += n;
}

static void write_readout(JNIEnv* env, const Sim* s, jdoubleArray out) {
  const mjModel* m = s->m;
  const mjData* d = s->d;
  int at = 0;
  if (s->mask & READ_QPOS) put(env, out, &at, m->nq, d->qpos);
  if (s->mask & READ_QVEL) put(env, out, &at, m->nv, d->qvel);
  if (s->mask & READ_XIPOS) put(env, out, &at, 3 * m->nbody, d->xipos);
  if (s->mask & READ_CINERT) put(env, out, &at, 10 * m->nbody, d->cinert);
  if (s->mask & READ_CVEL) put(env, out, &at, 6 * m->nbody, d->cvel);
  if (s->mask & READ_QFRC_ACTUATOR) put(env, out, &at, m->nv, d->qfrc_actuator);
  if (s->mask & READ_CFRC_EXT) put(env, out, &at, 6 * m->nbody, d->cfrc_ext);
}

static int check_length(JNIEnv* env, jdoubleArray a, int expected, const char* what) {
  jsize n = (*env)->GetArrayLength(env, a);
  if (n != expected) {
    char msg[200];
    snprintf(msg, sizeof msg, "%s has length %d, expected %d", what, (int)n, expected);
    throw_java(env, "java/lang/IllegalArgumentException", msg);
    return 0;
  }
  return 1;
}

/* ---------------------------------------------------------------- JNI entry points */

#define FN(name) Java_dev_ablate4j_env_mujoco_MujocoNative_##name

JNIEXPORT jstring JNICALL FN(versionString)(JNIEnv* env, jclass cls) {
  (void)cls;
  return (*env)->NewStringUTF(env, mj_versionString());
}

/* mjVERSION_HEADER of the headers this shim was compiled with (222, 3014000, ...). */
JNIEXPORT jint JNICALL FN(headerVersion)(JNIEnv* env, jclass cls) {
  (void)env;
  (void)cls;
  return mjVERSION_HEADER;
}

/* mj_version() of the loaded library: must equal headerVersion() before anything else is called. */
JNIEXPORT jint JNICALL FN(libraryVersion)(JNIEnv* env, jclass cls) {
  (void)env;
  (void)cls;
  return mj_version();
}

JNIEXPORT jlong JNICALL FN(load)(JNIEnv* env, jclass cls, jstring xml, jint mask) {
  (void)cls;
  if ((mask & ~READ_ALL) != 0) {
    throw_java(env, "java/lang/IllegalArgumentException", "unknown readout bits");
    return 0;
  }
  const char* text = (*env)->GetStringUTFChars(env, xml, NULL);
  if (text == NULL) return 0;
  int len = (int)strlen(text);

  mjVFS* vfs = (mjVFS*)malloc(sizeof(mjVFS));
  if (vfs == NULL) {
    (*env)->ReleaseStringUTFChars(env, xml, text);
    throw_java(env, "java/lang/OutOfMemoryError", "mjVFS");
    return 0;
  }
  mj_defaultVFS(vfs);
  const char* name = "ablate4j_model.xml";
  mjModel* m = NULL;
  char err[1024] = "";
#ifdef ABLATE4J_MUJOCO3
  int added = mj_addBufferVFS(vfs, name, text, len);
#else
  int added = mj_makeEmptyFileVFS(vfs, name, len);
  if (added == 0) memcpy(vfs->filedata[vfs->nfile - 1], text, (size_t)len);
#endif
  if (added == 0) {
    jmp_buf jump;
    if (setjmp(jump) == 0) {
      error_jump = &jump;
      m = mj_loadXML(name, vfs, err, sizeof err);
    } else {
      m = NULL;
      snprintf(err, sizeof err, "%s", error_text);
    }
    error_jump = NULL;
  } else {
    snprintf(err, sizeof err, "could not create the in-memory model file");
  }
  mj_deleteVFS(vfs);
  free(vfs);
  (*env)->ReleaseStringUTFChars(env, xml, text);

  if (m == NULL) {
    char msg[1200];
    snprintf(msg, sizeof msg, "MuJoCo could not load the model: %s", err);
    throw_java(env, "java/lang/IllegalArgumentException", msg);
    return 0;
  }
  mjData* d = mj_makeData(m);
  Sim* s = (Sim*)calloc(1, sizeof(Sim));
  if (d == NULL || s == NULL) {
    if (d != NULL) mj_deleteData(d);
    mj_deleteModel(m);
    free(s);
    throw_java(env, "java/lang/OutOfMemoryError", "mjData");
    return 0;
  }
  s->m = m;
  s->d = d;
  s->mask = mask;
  s->readout_size = readout_size(m, mask);
  return (jlong)(intptr_t)s;
}

JNIEXPORT void JNICALL FN(free)(JNIEnv* env, jclass cls, jlong handle) {
  (void)env;
  (void)cls;
  Sim* s = sim_of(handle);
  if (s == NULL) return;
  mj_deleteData(s->d);
  mj_deleteModel(s->m);
  free(s);
}

/* nq, nv, nu, na, nbody, readout size, state size */
JNIEXPORT jintArray JNICALL FN(sizes)(JNIEnv* env, jclass cls, jlong handle) {
  (void)cls;
  const Sim* s = sim_of(handle);
  jint v[7] = {s->m->nq, s->m->nv, s->m->nu, s->m->na, s->m->nbody, s->readout_size,
               state_size(s->m)};
  jintArray out = (*env)->NewIntArray(env, 7);
  if (out != NULL) (*env)->SetIntArrayRegion(env, out, 0, 7, v);
  return out;
}

/* 0 timestep (1) | 1 actuator_ctrlrange (2*nu) | 2 actuator_ctrllimited (nu) | 3 body_mass (nbody)
 * | 4 qpos0 (nq) */
JNIEXPORT jdoubleArray JNICALL FN(modelArray)(JNIEnv* env, jclass cls, jlong handle, jint which) {
  (void)cls;
  const mjModel* m = sim_of(handle)->m;
  int n;
  const mjtNum* src = NULL;
  mjtNum tmp[1];
  mjtNum* limited = NULL;
  switch (which) {
    case 0:
      tmp[0] = m->opt.timestep;
      src = tmp;
      n = 1;
      break;
    case 1:
      src = m->actuator_ctrlrange;
      n = 2 * m->nu;
      break;
    case 2:
      n = m->nu;
      limited = (mjtNum*)malloc(sizeof(mjtNum) * (size_t)(n > 0 ? n : 1));
      for (int i = 0; i < n; i++) limited[i] = m->actuator_ctrllimited[i] ? 1.0 : 0.0;
      src = limited;
      break;
    case 3:
      src = m->body_mass;
      n = m->nbody;
      break;
    case 4:
      src = m->qpos0;
      n = m->nq;
      break;
    default:
      throw_java(env, "java/lang/IllegalArgumentException", "unknown model array");
      return NULL;
  }
  jdoubleArray out = (*env)->NewDoubleArray(env, n);
  if (out != NULL && n > 0) (*env)->SetDoubleArrayRegion(env, out, 0, n, src);
  free(limited);
  return out;
}

/* Gymnasium's reset: mj_resetData, then set_state(qpos, qvel), which ends in mj_forward. */
JNIEXPORT void JNICALL FN(reset)(JNIEnv* env, jclass cls, jlong handle, jdoubleArray qpos,
                                 jdoubleArray qvel, jdoubleArray readout) {
  (void)cls;
  Sim* s = sim_of(handle);
  if (!check_length(env, qpos, s->m->nq, "qpos") || !check_length(env, qvel, s->m->nv, "qvel") ||
      !check_length(env, readout, s->readout_size, "readout")) {
    return;
  }
  mj_resetData(s->m, s->d);
  (*env)->GetDoubleArrayRegion(env, qpos, 0, s->m->nq, s->d->qpos);
  (*env)->GetDoubleArrayRegion(env, qvel, 0, s->m->nv, s->d->qvel);
  GUARDED(env, s, mj_forward(s->m, s->d));
  write_readout(env, s, readout);
}

/* One environment step: ctrl in, `substeps` calls of mj_step, readout out. */
JNIEXPORT void JNICALL FN(step)(JNIEnv* env, jclass cls, jlong handle, jdoubleArray ctrl,
                                jint substeps, jdoubleArray readout) {
  (void)cls;
  Sim* s = sim_of(handle);
  if ((*env)->GetArrayLength(env, ctrl) != s->m->nu ||
      (*env)->GetArrayLength(env, readout) != s->readout_size) {
    check_length(env, ctrl, s->m->nu, "ctrl");
    check_length(env, readout, s->readout_size, "readout");
    return;
  }
  (*env)->GetDoubleArrayRegion(env, ctrl, 0, s->m->nu, s->d->ctrl);
  GUARDED(env, s, {
    for (int i = 0; i < substeps; i++) mj_step(s->m, s->d);
    if (s->mask & READ_CFRC_EXT) mj_rnePostConstraint(s->m, s->d);
  });
  write_readout(env, s, readout);
}

JNIEXPORT void JNICALL FN(getState)(JNIEnv* env, jclass cls, jlong handle, jdoubleArray out) {
  (void)cls;
  const Sim* s = sim_of(handle);
  const mjModel* m = s->m;
  const mjData* d = s->d;
  if (!check_length(env, out, state_size(m), "state")) return;
  int at = 0;
  put(env, out, &at, 1, &d->time);
  put(env, out, &at, m->nq, d->qpos);
  put(env, out, &at, m->nv, d->qvel);
  put(env, out, &at, m->na, d->act);
  put(env, out, &at, m->nv, d->qacc_warmstart);
  put(env, out, &at, m->nu, d->ctrl);
}

static void take(JNIEnv* env, jdoubleArray in, int* at, int n, mjtNum* dst) {
  if (n > 0) (*env)->GetDoubleArrayRegion(env, in, *at, n, dst);
  *at += n;
}

JNIEXPORT void JNICALL FN(setState)(JNIEnv* env, jclass cls, jlong handle, jdoubleArray in) {
  (void)cls;
  Sim* s = sim_of(handle);
  const mjModel* m = s->m;
  mjData* d = s->d;
  if (!check_length(env, in, state_size(m), "state")) return;
  int at = 0;
  take(env, in, &at, 1, &d->time);
  take(env, in, &at, m->nq, d->qpos);
  take(env, in, &at, m->nv, d->qvel);
  take(env, in, &at, m->na, d->act);
  take(env, in, &at, m->nv, d->qacc_warmstart);
  take(env, in, &at, m->nu, d->ctrl);
}
