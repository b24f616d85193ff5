package dev.ddllint.flyway;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;

/**
 * The shape of Flyway's {@code Callback} interface in the Flyway on the classpath, and the callback in that shape.
 *
 * <p>Up to Flyway 11.12 (9.x, 10.x, 11.0 – 11.12) {@code Callback} declares its methods with {@code Event}. From
 * 11.13 on it extends
 * {@code GenericCallback<Event>}, whose methods take {@code CallbackEvent}: {@link DdlLintCallback} is compiled
 * against that API, so it carries bridge methods naming {@code CallbackEvent}. Flyway itself never looks at them on
 * an older version, but a framework that reflects on the bean's class (Spring: {@code getDeclaredMethods()}) does,
 * and fails with {@code NoClassDefFoundError: org/flywaydb/core/api/callback/CallbackEvent}. For those versions the
 * callback is handed out as a {@link Proxy} of the {@code Callback} interface as loaded, whose class declares exactly
 * the methods that interface has.
 */
enum FlywayCallbackShape {

    /** Flyway 9.22 – 11.12: {@code Callback} declares {@code supports(Event, Context)} and the rest itself. */
    EVENT_METHODS {
        @Override
        Callback adapt(DdlLintCallback callback) {
            return (Callback) Proxy.newProxyInstance(Callback.class.getClassLoader(), new Class<?>[]{Callback.class},
                    new Delegate(callback));
        }
    },
    /** Flyway 11.13 – 13: {@code Callback extends GenericCallback<Event>}; the compiled class fits as it is. */
    GENERIC_CALLBACK {
        @Override
        Callback adapt(DdlLintCallback callback) {
            return callback;
        }
    };

    private static final String GENERIC_CALLBACK_NAME = "org.flywaydb.core.api.callback.GenericCallback";

    /** The shape of the {@code Callback} interface this class was linked against at run time. */
    static FlywayCallbackShape ofLoadedFlyway() {
        return of(Callback.class);
    }

    static FlywayCallbackShape of(Class<?> callbackInterface) {
        // By name: on an older Flyway the GenericCallback class does not exist and must not be loaded.
        boolean generic = Arrays.stream(callbackInterface.getInterfaces())
                .anyMatch(i -> i.getName().equals(GENERIC_CALLBACK_NAME));
        return generic ? GENERIC_CALLBACK : EVENT_METHODS;
    }

    /** The callback as an object whose class names only types that this Flyway has. */
    abstract Callback adapt(DdlLintCallback callback);

    /** Forwards the proxy's calls; {@code Object}'s methods answer for the proxy itself. */
    private static final class Delegate implements InvocationHandler {

        private final DdlLintCallback target;

        private Delegate(DdlLintCallback target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            return switch (method.getName()) {
                case "supports" -> target.supports((Event) args[0], (Context) args[1]);
                case "canHandleInTransaction" -> target.canHandleInTransaction((Event) args[0], (Context) args[1]);
                case "handle" -> {
                    target.handle((Event) args[0], (Context) args[1]);
                    yield null;
                }
                case "getCallbackName" -> target.getCallbackName();
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> target + " (as a Callback of Flyway before GenericCallback)";
                default -> throw new UnsupportedOperationException("ddl-lint's callback has no method "
                        + method.getName() + " of this Flyway version's Callback");
            };
        }
    }
}
