package id.pintu.security;

import id.pintu.workflow.WorkflowException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff in force, for IT (admin only, see SecurityConfig: /api/admin/**): the users and acting appointments the
 * hub runs on (never a password hash), and a reload of the staff files (actors, supervision, users, acting) without a
 * restart.
 */
@RestController
@RequestMapping("/api/admin/staff")
class StaffController {

    record UserView(String username, List<String> actors, boolean admin, String fullName, String position) {}

    record StaffView(String usersFile, String actingFile, String checkInterval, List<UserView> users,
            List<ActingOfficials.Appointment> acting, List<ActingOfficials.Appointment> actingWithoutUser,
            List<ActingOfficials.Absence> absent, StaffReload.Outcome lastReload, String problem) {}

    private final UserDirectory users;
    private final ActingOfficials acting;
    private final StaffReload reload;
    private final SecurityProperties properties;

    StaffController(UserDirectory users, ActingOfficials acting, StaffReload reload, SecurityProperties properties) {
        this.users = users;
        this.acting = acting;
        this.reload = reload;
        this.properties = properties;
    }

    @GetMapping
    StaffView inForce() {
        List<UserView> list = users.all().stream()
                .map(u -> new UserView(u.username(), u.actors(), u.admin(), u.fullName(), u.position()))
                .toList();
        return new StaffView(users.file().toString(), acting.file().toString(), properties.checkInterval().toString(),
                list, acting.all(), acting.withoutUser(), acting.absences(), reload.last(), reload.problem());
    }

    /** Reads the files now; 422 with the file's problems if the office cannot run on one (it changes nothing then). */
    @PostMapping("/reload")
    StaffReload.Outcome reload(Authentication auth) {
        try {
            return reload.reload(auth.getName());
        } catch (StaffFileException e) {
            throw WorkflowException.unprocessable(e.getMessage());
        }
    }
}
