package dev.ablate4j.env.mujoco;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;

/**
 * One compiled MuJoCo model and its simulation data, behind the JNI shim. Not thread-safe; the
 * native memory is freed by {@link #close()} or, as a fallback, when the object is collected.
 */
final class MujocoSim implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();
    /** mj_loadXML keeps global parser state in MuJoCo 2.2: one load at a time. */
    private static final Object LOAD_LOCK = new Object();

    private final long handle;
    private final Cleaner.Cleanable cleanable;
    private boolean closed;

    final int nq;
    final int nv;
    final int nu;
    final int na;
    final int nbody;
    final int readoutSize;
    final int stateSize;

    /** Compiles {@code xml}; {@code readoutMask} selects the arrays copied out after each reset and step. */
    MujocoSim(String xml, int readoutMask) {
        MujocoNative.require();
        long h;
        synchronized (LOAD_LOCK) {
            h = MujocoNative.load(xml, readoutMask);
        }
        handle = h;
        cleanable = CLEANER.register(this, new Free(h));
        int[] sizes = MujocoNative.sizes(h);
        nq = sizes[0];
        nv = sizes[1];
        nu = sizes[2];
        na = sizes[3];
        nbody = sizes[4];
        readoutSize = sizes[5];
        stateSize = sizes[6];
    }

    double timestep() {
        return modelArray(MujocoNative.MODEL_TIMESTEP)[0];
    }

    double[] ctrlRange() {
        return modelArray(MujocoNative.MODEL_CTRLRANGE);
    }

    double[] ctrlLimited() {
        return modelArray(MujocoNative.MODEL_CTRLLIMITED);
    }

    double[] bodyMass() {
        return modelArray(MujocoNative.MODEL_BODY_MASS);
    }

    double[] qpos0() {
        return modelArray(MujocoNative.MODEL_QPOS0);
    }

    private double[] modelArray(int which) {
        checkOpen();
        try {
            return MujocoNative.modelArray(handle, which);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    void reset(double[] qpos, double[] qvel, double[] readout) {
        checkOpen();
        try {
            MujocoNative.reset(handle, qpos, qvel, readout);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    void step(double[] ctrl, int substeps, double[] readout) {
        checkOpen();
        try {
            MujocoNative.step(handle, ctrl, substeps, readout);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    void getState(double[] out) {
        checkOpen();
        try {
            MujocoNative.getState(handle, out);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    void setState(double[] state) {
        checkOpen();
        try {
            MujocoNative.setState(handle, state);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the MuJoCo simulation was closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cleanable.clean();
        }
    }

    private static final class Free implements Runnable {
        private final long handle;

        Free(long handle) {
            this.handle = handle;
        }

        @Override
        public void run() {
            MujocoNative.free(handle);
        }
    }
}
